using System.Globalization;
using Cos.Emulator.Errors;
using Cos.Emulator.Storage;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>PUT Object - Copy and Upload Part - Copy, from any bucket of the emulator.</summary>
internal sealed partial class CosOperationHandlers
{
    private partial async Task<PutObjectCopyResponse> PutObjectCopyAsync(PutObjectCopyRequest request, OperationContext context)
    {
        RequireBucket(context);
        var source = CopySource.Parse(request.CopySource);
        var directive = request.MetadataDirective?.Value ?? "Copy";
        if (directive is not ("Copy" or "Replaced"))
        {
            throw CosErrors.InvalidArgument($"x-cos-metadata-directive '{directive}' must be Copy or Replaced.");
        }

        var tagging = request.TaggingDirective?.Value ?? "Copy";
        if (tagging is not ("Copy" or "Replaced"))
        {
            throw CosErrors.InvalidArgument($"x-cos-tagging-directive '{tagging}' must be Copy or Replaced.");
        }

        ForbidOverwrite(context, forbid: context.Header("x-cos-forbid-overwrite") is { } forbid && string.Equals(forbid, "true", StringComparison.OrdinalIgnoreCase));
        var storageClass = CheckStorageClass(request.StorageClass);
        var documents = HeaderDocuments(context, tagging == "Replaced" ? request.Tagging : null, request.Acl, request.GrantRead, request.GrantReadAcp, request.GrantWriteAcp, request.GrantFullControl);
        var (record, content) = OpenSource(context, source);
        BlobInfo blob;
        await using (content)
        {
            CheckReadKey(record, request.CopySourceSseCustomerAlgorithm, request.CopySourceSseCustomerKey, request.CopySourceSseCustomerKeyMd5);
            Preconditions.Evaluate(record, request.CopySourceIfMatch, request.CopySourceIfNoneMatch, request.CopySourceIfModifiedSince, request.CopySourceIfUnmodifiedSince, isRead: false);
            if (directive == "Copy" && source.Bucket == context.Bucket && source.Key == context.Key && source.VersionId is null && storageClass is null)
            {
                throw CosErrors.InvalidRequest("This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata or storage class.");
            }

            blob = await context.Store.WriteBlobAsync(content, md5Required: false, context.Http.RequestAborted);
        }

        var properties = directive == "Replaced"
            ? Properties(context, request.ContentType, request.CacheControl, request.ContentDisposition, request.ContentEncoding, request.Expires, request.StorageClass, request.Metadata)
            : record.Properties with { StorageClass = storageClass ?? record.Properties.StorageClass };

        // The copy is encrypted as its request (or the bucket's default) says, not as the source was.
        properties = Encrypted(
            context,
            properties with { ServerSideEncryption = null, SseKmsKeyId = null, SseCustomerKeyMd5 = null },
            request.ServerSideEncryption, request.SseKmsKeyId, request.SseCustomerAlgorithm, request.SseCustomerKey, request.SseCustomerKeyMd5);
        if (tagging == "Copy" && record.Configurations.TryGetValue(TaggingName, out var sourceTags))
        {
            documents[TaggingName] = sourceTags;
        }

        var copy = new ObjectRecord
        {
            Key = context.Key,
            BlobId = blob.BlobId,
            Size = blob.Length,
            ETag = context.Store.KeepsContent ? $"\"{Convert.ToHexStringLower(blob.Md5)}\"" : record.ETag,
            Crc64 = context.Store.KeepsContent ? blob.Crc64 : record.Crc64,
            LastModified = context.Now,
            Properties = properties,
            Configurations = documents,
        };
        copy = context.Store.CommitObject(context.Bucket, copy);
        context.Http.Response.Headers["x-cos-hash-crc64ecma"] = Generated.Integrity.CosCrc64.Format(copy.Crc64);
        if (copy.VersionId is not null)
        {
            context.Http.Response.Headers["x-cos-version-id"] = copy.VersionId;
        }

        var sse = Echo(properties);
        return new PutObjectCopyResponse
        {
            ETag = copy.ETag, LastModified = copy.LastModified, Crc64 = copy.Crc64, VersionId = copy.VersionId, CopySourceVersionId = record.VersionId,
            ServerSideEncryption = sse.Algorithm, SseKmsKeyId = sse.KmsKeyId, SseCustomerAlgorithm = sse.CustomerAlgorithm, SseCustomerKeyMd5 = sse.CustomerKeyMd5,
        };
    }

    private partial async Task<UploadPartCopyResponse> UploadPartCopyAsync(UploadPartCopyRequest request, OperationContext context)
    {
        RequireBucket(context);
        var partNumber = CheckPartNumber(request.PartNumber);
        var upload = RequireUpload(context, request.UploadId);
        CheckPartKey(upload, request.SseCustomerAlgorithm, request.SseCustomerKey, request.SseCustomerKeyMd5);
        var source = CopySource.Parse(request.CopySource);
        var (record, content) = OpenSource(context, source);
        BlobInfo blob;
        await using (content)
        {
            CheckReadKey(record, request.CopySourceSseCustomerAlgorithm, request.CopySourceSseCustomerKey, request.CopySourceSseCustomerKeyMd5);
            Preconditions.Evaluate(record, request.CopySourceIfMatch, request.CopySourceIfNoneMatch, request.CopySourceIfModifiedSince, request.CopySourceIfUnmodifiedSince, isRead: false);
            var (start, length) = ParseCopyRange(request.CopySourceRange, record.Size);
            content.Seek(start, SeekOrigin.Begin);
            blob = await context.Store.WriteBlobAsync(new LimitedStream(content, length), md5Required: false, context.Http.RequestAborted);
        }

        var part = new PartRecord { PartNumber = partNumber, BlobId = blob.BlobId, Size = blob.Length, Md5 = blob.Md5, Crc64 = blob.Crc64, LastModified = context.Now };
        context.Store.CommitPart(context.Bucket, request.UploadId, part);
        return new UploadPartCopyResponse { ETag = part.ETag, LastModified = part.LastModified, Crc64 = part.Crc64, CopySourceVersionId = record.VersionId };
    }

    private static (ObjectRecord Record, Stream Content) OpenSource(OperationContext context, CopySource source)
    {
        try
        {
            return context.Store.OpenObject(source.Bucket, source.Key, source.VersionId) ?? throw CosErrors.NoSuchKey();
        }
        catch (CosErrorException e) when (e.Code == "NoSuchBucket")
        {
            throw new CosErrorException(404, "NoSuchBucket", $"The copy source bucket '{source.Bucket}' does not exist.");
        }
    }

    /// <summary><c>bytes=a-b</c> within the source; absent means the whole source.</summary>
    private static (long Start, long Length) ParseCopyRange(string? header, long size)
    {
        if (header is null)
        {
            return (0, size);
        }

        var spec = header.Trim();
        if (spec.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            var parts = spec[6..].Split('-');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
                && start <= end && end < size)
            {
                return (start, end - start + 1);
            }
        }

        throw CosErrors.InvalidArgument($"x-cos-copy-source-range '{header}' must be bytes=first-last within the {size}-byte source.");
    }
}
