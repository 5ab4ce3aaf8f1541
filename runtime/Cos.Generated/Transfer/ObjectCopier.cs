using Cos.Generated.Pipeline;

namespace Cos.Generated.Transfer;

internal sealed class ObjectCopier(CosClient client)
{
    /// <summary>The work of <see cref="CosClient.CopyAsync"/>.</summary>
    public async Task<CosCopyResult> CopyAsync(CosCopySource source, string bucket, string key, CosCopyOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(source.Bucket);
        ArgumentException.ThrowIfNullOrEmpty(source.Key);
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        options ??= new CosCopyOptions();
        options.Validate();
        var sourceRegion = source.Region ?? client.Options.Region
            ?? throw new ArgumentException("The source region is needed: set CosCopySource.Region or CosClientOptions.Region.", nameof(source));
        var copySource = source.ToHeader(sourceRegion);

        var head = await client.HeadObjectAsync(new HeadObjectRequest
            {
                Bucket = source.Bucket,
                Key = source.Key,
                VersionId = source.VersionId,
                Region = sourceRegion,
                SseCustomerAlgorithm = options.SourceCustomerKey?.CustomerAlgorithm,
                SseCustomerKey = options.SourceCustomerKey?.CustomerKey,
                SseCustomerKeyMd5 = options.SourceCustomerKey?.CustomerKeyMd5,
            }, cancellationToken).ConfigureAwait(false);
        var size = head.ContentLength ?? throw new CosResponseFormatException("HEAD of the copy source has no Content-Length.", 200, head.RequestId);
        var throttle = new ProgressThrottle(progress, size, client.Options.ProgressInterval, client.Options.TimeProvider);
        var directive = options.EffectiveDirective;
        var replace = directive == MetadataDirective.Replaced;

        CosCopyResult result;
        if (size <= (options.SliceSize ?? client.Options.CopySliceSize))
        {
            PutObjectCopyResponse response;
            try
            {
                response = await client.PutObjectCopyAsync(
                new PutObjectCopyRequest
                {
                    Bucket = bucket,
                    Key = key,
                    Region = options.Region,
                    CopySource = copySource,
                    CopySourceIfMatch = head.ETag,
                    MetadataDirective = directive,
                    ContentType = replace ? options.ContentType : null,
                    CacheControl = replace ? options.CacheControl : null,
                    ContentDisposition = replace ? options.ContentDisposition : null,
                    ContentEncoding = replace ? options.ContentEncoding : null,
                    Expires = replace ? options.Expires : null,
                    Metadata = replace ? options.Metadata : null,
                    StorageClass = options.StorageClass,
                    Acl = options.Acl,
                    GrantRead = options.GrantRead,
                    GrantReadAcp = options.GrantReadAcp,
                    GrantWriteAcp = options.GrantWriteAcp,
                    GrantFullControl = options.GrantFullControl,
                    TaggingDirective = options.Tags is null ? default(TaggingDirective?) : TaggingDirective.Replaced,
                    Tagging = ObjectTags.Header(options.Tags),
                    ServerSideEncryption = options.ServerSideEncryption?.Algorithm,
                    SseKmsKeyId = options.ServerSideEncryption?.KmsKeyId,
                    SseContext = options.ServerSideEncryption?.KmsContext,
                    SseCustomerAlgorithm = options.ServerSideEncryption?.CustomerAlgorithm,
                    SseCustomerKey = options.ServerSideEncryption?.CustomerKey,
                    SseCustomerKeyMd5 = options.ServerSideEncryption?.CustomerKeyMd5,
                    CopySourceSseCustomerAlgorithm = options.SourceCustomerKey?.CustomerAlgorithm,
                    CopySourceSseCustomerKey = options.SourceCustomerKey?.CustomerKey,
                    CopySourceSseCustomerKeyMd5 = options.SourceCustomerKey?.CustomerKeyMd5,
                },
                cancellationToken).ConfigureAwait(false);
            }
            catch (CosException ex) when (ex.StatusCode == 412)
            {
                throw new CosObjectChangedException(source.Bucket, source.Key, head.ETag, null, ex.RequestId, ex);
            }

            throttle.Add(size);
            result = new CosCopyResult { ETag = response.ETag, Crc64 = response.Crc64, VersionId = response.VersionId, Size = size };
        }
        else
        {
            result = await MultipartCopyAsync(source, copySource, sourceRegion, head, size, bucket, key, options, throttle, cancellationToken).ConfigureAwait(false);
        }

        var destinationCrc = result.Crc64;
        if (destinationCrc is null && head.Crc64 is not null)
        {
            var destinationHead = await client.HeadObjectAsync(new HeadObjectRequest
                {
                    Bucket = bucket,
                    Key = key,
                    Region = options.Region,
                    VersionId = result.VersionId,
                    SseCustomerAlgorithm = options.CustomerKey?.CustomerAlgorithm,
                    SseCustomerKey = options.CustomerKey?.CustomerKey,
                    SseCustomerKeyMd5 = options.CustomerKey?.CustomerKeyMd5,
                }, cancellationToken).ConfigureAwait(false);
            destinationCrc = destinationHead.Crc64;
        }

        if (head.Crc64 is { } expected && destinationCrc is { } actual && expected != actual)
        {
            throw new CosIntegrityException($"The copy of '{source.Key}' to '{key}' has CRC-64 {actual}, the source {expected}.", expected, actual, requestId: null);
        }

        throttle.Flush();
        return destinationCrc == result.Crc64 ? result : new CosCopyResult { ETag = result.ETag, Crc64 = destinationCrc, VersionId = result.VersionId, Size = result.Size, PartCount = result.PartCount, UploadId = result.UploadId };
    }

    private async Task<CosCopyResult> MultipartCopyAsync(CosCopySource source, string copySource, string sourceRegion, HeadObjectResponse head, long size, string bucket, string key, CosCopyOptions options, ProgressThrottle throttle, CancellationToken ct)
    {
        var partSize = Math.Max(options.PartSize ?? client.Options.CopyChunkSize, CopyMinPartSizeFor(size));
        var partCount = (int)((size + partSize - 1) / partSize);
        var replace = options.EffectiveDirective == MetadataDirective.Replaced;
        var budget = RetryBudget.ForParts(partCount);

        // A simple copy keeps the source's tags (x-cos-tagging-directive Copy); InitiateMultipartUpload copies nothing,
        // so the source's tags are read and passed on, as its metadata is.
        var tagging = ObjectTags.Header(options.Tags);
        if (options.Tags is null && head.TaggingCount is > 0)
        {
            var sourceTags = await client.GetObjectTaggingAsync(new GetObjectTaggingRequest { Bucket = source.Bucket, Key = source.Key, VersionId = source.VersionId, Region = sourceRegion }, ct).ConfigureAwait(false);
            tagging = ObjectTags.Header(sourceTags.TagSet.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));
        }

        var session = await MultipartSession.StartAsync(
            client,
            new InitiateMultipartUploadRequest
            {
                Bucket = bucket,
                Key = key,
                Region = options.Region,
                ContentType = replace ? options.ContentType : head.ContentType,
                CacheControl = replace ? options.CacheControl : head.CacheControl,
                ContentDisposition = replace ? options.ContentDisposition : head.ContentDisposition,
                ContentEncoding = replace ? options.ContentEncoding : head.ContentEncoding,
                Expires = replace ? options.Expires : head.Expires,
                Metadata = replace ? options.Metadata : head.Metadata,
                StorageClass = options.StorageClass ?? head.StorageClass,
                Acl = options.Acl,
                GrantRead = options.GrantRead,
                GrantReadAcp = options.GrantReadAcp,
                GrantWriteAcp = options.GrantWriteAcp,
                GrantFullControl = options.GrantFullControl,
                Tagging = tagging,
                ServerSideEncryption = options.ServerSideEncryption?.Algorithm,
                SseKmsKeyId = options.ServerSideEncryption?.KmsKeyId,
                SseContext = options.ServerSideEncryption?.KmsContext,
                SseCustomerAlgorithm = options.ServerSideEncryption?.CustomerAlgorithm,
                SseCustomerKey = options.ServerSideEncryption?.CustomerKey,
                SseCustomerKeyMd5 = options.ServerSideEncryption?.CustomerKeyMd5,
            },
            budget,
            options.CustomerKey,
            ct).ConfigureAwait(false);

        try
        {
            var partOptions = new CosRequestOptions { MaxRetries = client.Options.ChunkRetryTimes, RetryBudget = budget };
            var etags = new string[partCount];
            await BoundedParallel.ForEachAsync(
                partCount,
                options.ParallelLimit ?? client.Options.CopyChunkParallelLimit,
                async (index, partCt) =>
                {
                    var start = index * partSize;
                    var length = Math.Min(partSize, size - start);
                    try
                    {
                        var part = await client.UploadPartCopyAsync(
                            new UploadPartCopyRequest
                            {
                                Bucket = bucket,
                                Key = key,
                                Region = options.Region,
                                UploadId = session.UploadId,
                                PartNumber = index + 1,
                                CopySource = copySource,
                                CopySourceRange = HttpRange.Format(start, length),
                                CopySourceIfMatch = head.ETag,
                                SseCustomerAlgorithm = options.CustomerKey?.CustomerAlgorithm,
                                SseCustomerKey = options.CustomerKey?.CustomerKey,
                                SseCustomerKeyMd5 = options.CustomerKey?.CustomerKeyMd5,
                                CopySourceSseCustomerAlgorithm = options.SourceCustomerKey?.CustomerAlgorithm,
                                CopySourceSseCustomerKey = options.SourceCustomerKey?.CustomerKey,
                                CopySourceSseCustomerKeyMd5 = options.SourceCustomerKey?.CustomerKeyMd5,
                                RequestOptions = partOptions,
                            },
                            partCt).ConfigureAwait(false);
                        etags[index] = part.ETag ?? throw new CosResponseFormatException($"UploadPartCopy of part {index + 1} returned no ETag.", 200, part.RequestId);
                        throttle.Add(length);
                    }
                    catch (CosException ex) when (ex.StatusCode == 412)
                    {
                        throw new CosObjectChangedException(source.Bucket, source.Key, head.ETag, null, ex.RequestId, ex);
                    }
                },
                ct).ConfigureAwait(false);

            var parts = Enumerable.Range(0, partCount).Select(i => new CompletedPart { PartNumber = i + 1, ETag = etags[i] }).ToList();
            var complete = await session.CompleteAsync(parts, head.Crc64, size, ct).ConfigureAwait(false);
            return new CosCopyResult { ETag = complete.ETag, Crc64 = complete.Crc64, VersionId = complete.VersionId, Size = size, PartCount = partCount, UploadId = session.UploadId };
        }
        catch when (!options.KeepUploadOnFailure)
        {
            await session.AbortQuietlyAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The smallest whole-MiB part size that keeps <paramref name="size"/> within 10,000 parts.</summary>
    private static long CopyMinPartSizeFor(long size)
    {
        var perPart = (size + UploadPartPlanner.MaxParts - 1) / UploadPartPlanner.MaxParts;
        var mib = CosClientOptions.MinChunkSize;
        return Math.Max(mib, (perPart + mib - 1) / mib * mib);
    }
}
