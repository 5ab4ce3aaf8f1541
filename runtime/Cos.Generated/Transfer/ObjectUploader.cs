using System.Buffers;
using System.Security.Cryptography;
using Cos.Generated.Integrity;
using Cos.Generated.Pipeline;
using Cos.Generated.Protocol;

namespace Cos.Generated.Transfer;

internal sealed class ObjectUploader(CosClient client)
{
    /// <summary>The work of <see cref="CosClient.UploadFileAsync"/>, with the hooks of the upload queue (null for a plain call).</summary>
    internal async Task<CosUploadResult> UploadFileCoreAsync(string bucket, string key, string filePath, CosUploadOptions? options, IProgress<CosTransferProgress>? progress, UploadHooks? hooks, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        options ??= new CosUploadOptions();
        options.Validate();
        var fullPath = Path.GetFullPath(filePath);
        var file = new FileInfo(fullPath);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The file to upload does not exist: {fullPath}", fullPath);
        }

        await using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var size = stream.Length;
        var identity = new UploadCheckpoint
        {
            FilePath = fullPath,
            Size = size,
            LastWriteTimeUtcTicks = file.LastWriteTimeUtc.Ticks,
            Bucket = bucket,
            Region = options.Region,
            Key = key,
            ObjectSettings = options.ObjectSettingsFingerprint(),
        };
        return await UploadCoreAsync(bucket, key, stream, size, options.Resume ? identity : null, options, progress, hooks, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The work of <see cref="CosClient.UploadAsync"/>.</summary>
    public async Task<CosUploadResult> UploadAsync(string bucket, string key, Stream content, CosUploadOptions? options = null, IProgress<CosTransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(content);
        options ??= new CosUploadOptions();
        options.Validate();
        if (content.CanSeek)
        {
            return await UploadCoreAsync(bucket, key, content, content.Length - content.Position, null, options, progress, hooks: null, cancellationToken).ConfigureAwait(false);
        }

        // Unknown length: read up to SliceSize + 1 bytes to choose between one PUT and a multipart upload.
        var sliceSize = (int)Math.Min(client.Options.SliceSize, Array.MaxLength - 1);
        var head = ArrayPool<byte>.Shared.Rent(sliceSize + 1);
        try
        {
            var read = await content.ReadAtLeastAsync(head.AsMemory(0, sliceSize + 1), sliceSize + 1, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var throttle = new ProgressThrottle(progress, read <= sliceSize ? read : null, client.Options.ProgressInterval, client.Options.TimeProvider);
            if (read <= sliceSize)
            {
                return await PutSimpleAsync(bucket, key, head.AsMemory(0, read), options, throttle, hooks: null, cancellationToken).ConfigureAwait(false);
            }

            var rest = new PrefixedStream(head.AsMemory(0, read), content);
            return await UploadMultipartAsync(bucket, key, rest, null, null, options, throttle, hooks: null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }
    }

    private async Task<CosUploadResult> UploadCoreAsync(string bucket, string key, Stream content, long size, UploadCheckpoint? identity, CosUploadOptions options, IProgress<CosTransferProgress>? progress, UploadHooks? hooks, CancellationToken cancellationToken)
    {
        var throttle = new ProgressThrottle(progress, size, client.Options.ProgressInterval, client.Options.TimeProvider);
        if (size <= client.Options.SliceSize && size < Array.MaxLength)
        {
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(size, 1));
            try
            {
                var read = await content.ReadAtLeastAsync(buffer.AsMemory(0, (int)size), (int)size, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read != size)
                {
                    throw new IOException($"The source ended after {read} of its {size} bytes; it changed during the upload.");
                }

                return await PutSimpleAsync(bucket, key, buffer.AsMemory(0, read), options, throttle, hooks, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        return await UploadMultipartAsync(bucket, key, content, size, identity, options, throttle, hooks, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CosUploadResult> PutSimpleAsync(string bucket, string key, ReadOnlyMemory<byte> data, CosUploadOptions options, ProgressThrottle progress, UploadHooks? hooks, CancellationToken cancellationToken)
    {
        hooks?.Uploading?.Invoke();
        var bytes = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out var array) ? array : new ArraySegment<byte>(data.ToArray());
        var md5 = client.Options.UploadCheckContentMd5 || client.Options.UploadAddMetaMd5 ? MD5.HashData(data.Span) : null;
        var metadata = options.Metadata;
        if (client.Options.UploadAddMetaMd5)
        {
            var hashing = new ProgressThrottle(options.HashProgress, data.Length, client.Options.ProgressInterval, client.Options.TimeProvider);
            hashing.Add(data.Length);
            hashing.Flush();
            metadata = WithMetaMd5(options.Metadata, Convert.ToHexStringLower(md5!));
        }

        // The pipeline checks the CRC-64 COS reports against the bytes sent, and counts them into the progress.
        var response = await client.PutObjectAsync(
            new PutObjectRequest
            {
                Bucket = bucket,
                Key = key,
                Region = options.Region,
                Body = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false, publiclyVisible: true),
                ContentLength = data.Length,
                ContentMd5 = client.Options.UploadCheckContentMd5 ? Convert.ToBase64String(md5!) : null,
                ContentType = options.ContentType,
                CacheControl = options.CacheControl,
                ContentDisposition = options.ContentDisposition,
                Metadata = metadata,
                StorageClass = options.StorageClass,
                Acl = options.Acl,
                GrantRead = options.GrantRead,
                GrantReadAcp = options.GrantReadAcp,
                GrantWriteAcp = options.GrantWriteAcp,
                GrantFullControl = options.GrantFullControl,
                Tagging = options.TaggingHeader,
                ServerSideEncryption = options.ServerSideEncryption?.Algorithm,
                SseKmsKeyId = options.ServerSideEncryption?.KmsKeyId,
                SseContext = options.ServerSideEncryption?.KmsContext,
                SseCustomerAlgorithm = options.ServerSideEncryption?.CustomerAlgorithm,
                SseCustomerKey = options.ServerSideEncryption?.CustomerKey,
                SseCustomerKeyMd5 = options.ServerSideEncryption?.CustomerKeyMd5,
                TrafficLimit = options.TrafficLimit,
                RequestOptions = new CosRequestOptions { BodyCounter = progress },
            },
            cancellationToken).ConfigureAwait(false);

        progress.Flush();
        return new CosUploadResult
        {
            ETag = response.ETag,
            Crc64 = response.Crc64 ?? CosCrc64.Compute(data.Span),
            VersionId = response.VersionId,
            Size = data.Length,
            RequestId = response.RequestId,
        };
    }

    private async Task<CosUploadResult> UploadMultipartAsync(string bucket, string key, Stream content, long? size, UploadCheckpoint? identity, CosUploadOptions options, ProgressThrottle progress, UploadHooks? hooks, CancellationToken cancellationToken)
    {
        var chunkSize = client.PartSizeUnitForTests ?? options.PartSize ?? client.Options.ChunkSize;
        var partSize = size is { } known ? UploadPartPlanner.PartSize(known, chunkSize, client.PartSizeUnitForTests ?? CosClientOptions.MinChunkSize) : chunkSize;
        var parallel = options.ParallelLimit ?? client.Options.ChunkParallelLimit;
        var budget = RetryBudget.ForParts(size is { } total ? UploadPartPlanner.PartCount(total, partSize) : UploadPartPlanner.MaxParts);

        var addMetaMd5 = client.Options.UploadAddMetaMd5;
        if (addMetaMd5 && (size is null || !content.CanSeek))
        {
            throw new NotSupportedException("UploadAddMetaMd5 needs the MD5 of the whole body before a multipart upload starts, and this stream cannot be read twice: upload a file or a seekable stream, or turn UploadAddMetaMd5 off.");
        }

        string? checkpointPath = null;
        UploadResumeState? resumed = null;
        if (identity is not null && size is { } fileSize)
        {
            identity.PartSize = partSize;
            if (addMetaMd5)
            {
                // Only an upload initiated with x-cos-meta-md5 (for this file, by its checkpoint) may be resumed.
                identity.ObjectSettings += "+x-cos-meta-md5";
            }

            var store = new UploadCheckpointStore(options.CheckpointDirectory ?? UploadCheckpointStore.DefaultDirectory);
            checkpointPath = store.PathFor(identity.FilePath, bucket, options.Region, key);
            resumed = await UploadResume.FindAsync(client, bucket, key, options.Region, options.StorageClass, fileSize, partSize, identity, checkpointPath, listUploads: CustomerKeyOf(options) is null && !addMetaMd5, cancellationToken).ConfigureAwait(false);
        }

        MultipartSession session;
        ProgressThrottle? verifying = null;
        if (resumed is not null)
        {
            session = new MultipartSession(client, bucket, key, options.Region, resumed.UploadId, budget, CustomerKeyOf(options));
            if (options.HashProgress is not null && resumed.Parts.Count > 0)
            {
                verifying = new ProgressThrottle(options.HashProgress, resumed.Parts.Sum(static p => p.Size ?? 0), client.Options.ProgressInterval, client.Options.TimeProvider);
            }
        }
        else
        {
            var metadata = addMetaMd5 ? WithMetaMd5(options.Metadata, await HashBodyAsync(content, size!.Value, options.HashProgress, cancellationToken).ConfigureAwait(false)) : options.Metadata;
            session = await MultipartSession.StartAsync(
                client,
                new InitiateMultipartUploadRequest
                {
                    Bucket = bucket,
                    Key = key,
                    Region = options.Region,
                    ContentType = options.ContentType,
                    CacheControl = options.CacheControl,
                    ContentDisposition = options.ContentDisposition,
                    Metadata = metadata,
                    StorageClass = options.StorageClass,
                    Acl = options.Acl,
                    GrantRead = options.GrantRead,
                    GrantReadAcp = options.GrantReadAcp,
                    GrantWriteAcp = options.GrantWriteAcp,
                    GrantFullControl = options.GrantFullControl,
                    Tagging = options.TaggingHeader,
                    ServerSideEncryption = options.ServerSideEncryption?.Algorithm,
                    SseKmsKeyId = options.ServerSideEncryption?.KmsKeyId,
                    SseContext = options.ServerSideEncryption?.KmsContext,
                    SseCustomerAlgorithm = options.ServerSideEncryption?.CustomerAlgorithm,
                    SseCustomerKey = options.ServerSideEncryption?.CustomerKey,
                    SseCustomerKeyMd5 = options.ServerSideEncryption?.CustomerKeyMd5,
                },
                budget,
                CustomerKeyOf(options),
                cancellationToken).ConfigureAwait(false);
            if (checkpointPath is not null)
            {
                identity!.UploadId = session.UploadId;
                identity.Created = client.Options.TimeProvider.GetUtcNow();
                UploadCheckpointStore.Save(checkpointPath, identity);
            }
        }

        try
        {
            hooks?.Uploading?.Invoke();
            var uploader = new MultipartUploader(client, session, bucket, key, options, progress, budget, resumed?.Parts ?? [], verifying);
            IReadOnlyList<UploadedPart> parts;
            if (partSize > client.MaxBufferedPartBytes && size is { } fileLength && content is FileStream file)
            {
                parts = await uploader.UploadFileSegmentsAsync(file.SafeFileHandle, file.Position, fileLength, partSize, parallel, cancellationToken).ConfigureAwait(false);
                file.Seek(fileLength, SeekOrigin.Current); // read at offsets, but left where reading it through would leave it
            }
            else
            {
                parts = await uploader.UploadPartsAsync(content, size, partSize, parallel, cancellationToken).ConfigureAwait(false);
            }

            verifying?.Flush();
            var result = await uploader.CompleteAsync(parts, cancellationToken).ConfigureAwait(false);
            if (checkpointPath is not null)
            {
                UploadCheckpointStore.TryDelete(checkpointPath);
            }

            progress.Flush();
            return result;
        }
        catch (Exception ex)
        {
            if ((hooks?.FailureAction?.Invoke() ?? options.OnFailure) == CosUploadFailureAction.Abort)
            {
                await session.AbortQuietlyAsync().ConfigureAwait(false);
                if (checkpointPath is not null)
                {
                    UploadCheckpointStore.TryDelete(checkpointPath);
                }
            }
            else
            {
                // Kept for a resume; like the JavaScript SDK's err.UploadId, the id travels with the error.
                ex.Data[CosClient.UploadIdDataKey] = session.UploadId;
            }

            throw;
        }
    }

    /// <summary><paramref name="metadata"/> with <c>md5</c> (<c>x-cos-meta-md5</c>) set to <paramref name="md5"/>, replacing one of the caller's.</summary>
    internal static IReadOnlyDictionary<string, string> WithMetaMd5(IReadOnlyDictionary<string, string>? metadata, string md5)
    {
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in metadata ?? new Dictionary<string, string>())
        {
            all[name] = value;
        }

        all["md5"] = md5;
        return all;
    }

    /// <summary>
    /// The lower-case hex MD5 of the next <paramref name="size"/> bytes of <paramref name="content"/>, which is then put
    /// back where it was; the bytes read are reported to <paramref name="progress"/>.
    /// </summary>
    private async Task<string> HashBodyAsync(Stream content, long size, IProgress<CosTransferProgress>? progress, CancellationToken cancellationToken)
    {
        var start = content.Position;
        var hashing = new ProgressThrottle(progress, size, client.Options.ProgressInterval, client.Options.TimeProvider);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
        try
        {
            long done = 0;
            while (done < size)
            {
                var read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, size - done)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException($"The source ended after {done} of its {size} bytes; it changed during the upload.");
                }

                md5.AppendData(buffer, 0, read);
                done += read;
                hashing.Add(read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        content.Position = start;
        hashing.Flush();
        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }

    /// <summary>The SSE-C key of an upload, which its parts (and a HEAD of the object) carry; null for other encryptions.</summary>
    private static CosServerSideEncryption? CustomerKeyOf(CosUploadOptions options) =>
        options.ServerSideEncryption is { Kind: CosServerSideEncryptionKind.SseC } key ? key : null;

    /// <summary>Aborts the multipart upload a paused or failed queue task kept, and forgets its checkpoint (a cancel with <see cref="CosUploadFailureAction.Abort"/>).</summary>
    internal async Task AbortKeptUploadAsync(CosFileUpload upload, string uploadId)
    {
        var options = upload.Options ?? new CosUploadOptions();
        await new MultipartSession(client, upload.Bucket, upload.Key, options.Region, uploadId, RetryBudget.ForParts(0), customerKey: null).AbortQuietlyAsync().ConfigureAwait(false);
        var store = new UploadCheckpointStore(options.CheckpointDirectory ?? UploadCheckpointStore.DefaultDirectory);
        UploadCheckpointStore.TryDelete(store.PathFor(Path.GetFullPath(upload.FilePath), upload.Bucket, options.Region, upload.Key));
    }
}
