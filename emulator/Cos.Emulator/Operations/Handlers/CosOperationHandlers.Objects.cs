using System.Security.Cryptography;
using Cos.Emulator.Errors;
using Cos.Emulator.Storage;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>PUT, GET, HEAD and DELETE Object, and DELETE Multiple Objects.</summary>
internal sealed partial class CosOperationHandlers
{
    private partial async Task<PutObjectResponse> PutObjectAsync(PutObjectRequest request, OperationContext context)
    {
        RequireBucket(context);
        CheckTrafficLimit(request.TrafficLimit);
        var properties = Encrypted(
            context,
            Properties(context, request.ContentType, request.CacheControl, request.ContentDisposition, request.ContentEncoding, request.Expires, request.StorageClass, request.Metadata),
            request.ServerSideEncryption, request.SseKmsKeyId, request.SseCustomerAlgorithm, request.SseCustomerKey, request.SseCustomerKeyMd5);
        var documents = HeaderDocuments(context, request.Tagging, request.Acl, request.GrantRead, request.GrantReadAcp, request.GrantWriteAcp, request.GrantFullControl);
        var expectedMd5 = ContentMd5.Parse(request.ContentMd5);
        ForbidOverwrite(context, request.ForbidOverwrite);

        var blob = await context.Store.WriteBlobAsync(request.Body, md5Required: expectedMd5 is not null, context.Http.RequestAborted);
        if (expectedMd5 is not null && !CryptographicOperations.FixedTimeEquals(expectedMd5, blob.Md5))
        {
            context.Store.DiscardBlob(blob.BlobId);
            throw CosErrors.BadDigest();
        }

        var record = new ObjectRecord
        {
            Key = context.Key,
            BlobId = blob.BlobId,
            Size = blob.Length,
            ETag = $"\"{Convert.ToHexStringLower(blob.Md5)}\"",
            Crc64 = blob.Crc64,
            LastModified = context.Now,
            Properties = properties,
            Configurations = documents,
        };
        record = context.Store.CommitObject(context.Bucket, record);
        var sse = Echo(properties);
        return new PutObjectResponse
        {
            ETag = record.ETag, Crc64 = record.Crc64, VersionId = record.VersionId,
            ServerSideEncryption = sse.Algorithm, SseKmsKeyId = sse.KmsKeyId, SseCustomerAlgorithm = sse.CustomerAlgorithm, SseCustomerKeyMd5 = sse.CustomerKeyMd5,
        };
    }

    private partial Task<GetObjectResponse> GetObjectAsync(GetObjectRequest request, OperationContext context)
    {
        RequireBucket(context);
        CheckTrafficLimit(request.TrafficLimit);
        var (record, content) = context.Store.OpenObject(context.Bucket, context.Key, request.VersionId) ?? throw CosErrors.NoSuchKey();
        try
        {
            CheckReadKey(record, request.SseCustomerAlgorithm, request.SseCustomerKey, request.SseCustomerKeyMd5);
            var restore = RestoreState(record, context);
            if (IsArchived(record) && restore is not { Ongoing: false })
            {
                throw new CosErrorException(403, "InvalidObjectState", "The object is archived: restore it with POST Object restore before reading it.");
            }

            if (Preconditions.Evaluate(record, request.IfMatch, request.IfNoneMatch, request.IfModifiedSince, request.IfUnmodifiedSince, isRead: true) == Preconditions.Outcome.NotModified)
            {
                content.Dispose();
                return Task.FromResult(new GetObjectResponse { StatusCode = 304, ETag = record.ETag, LastModified = record.LastModified, VersionId = record.VersionId });
            }

            var range = ByteRange.Parse(request.Range, record.Size);
            var start = range?.Start ?? 0;
            var length = range?.Length ?? record.Size;
            content.Seek(start, SeekOrigin.Begin);
            var p = record.Properties;
            var sse = Echo(p);
            return Task.FromResult(new GetObjectResponse
            {
                StatusCode = range is null ? 200 : 206,
                Body = range is null ? content : new LimitedStream(content, length),
                ContentLength = length,
                ContentRange = range is { } r ? $"bytes {r.Start}-{r.End}/{record.Size}" : null,

                // response-* query parameters override the stored content headers.
                ContentType = Override(request.ResponseContentType, "response-content-type") ?? p.ContentType ?? "application/octet-stream",
                CacheControl = Override(request.ResponseCacheControl, "response-cache-control") ?? p.CacheControl,
                ContentDisposition = Override(request.ResponseContentDisposition, "response-content-disposition") ?? p.ContentDisposition,
                ContentEncoding = Override(request.ResponseContentEncoding, "response-content-encoding") ?? p.ContentEncoding,
                ContentLanguage = Override(request.ResponseContentLanguage, "response-content-language") ?? p.ContentLanguage,
                Expires = Override(request.ResponseExpires, "response-expires") ?? p.Expires,
                ETag = record.ETag,
                LastModified = record.LastModified,
                Crc64 = record.Crc64,
                ObjectType = ObjectType(record),
                StorageClass = p.StorageClass == "STANDARD" ? (StorageClass?)null : new StorageClass(p.StorageClass),
                Restore = restore?.Header,
                VersionId = record.VersionId,
                TaggingCount = TaggingCount(record),
                ServerSideEncryption = sse.Algorithm,
                SseKmsKeyId = sse.KmsKeyId,
                SseCustomerAlgorithm = sse.CustomerAlgorithm,
                SseCustomerKeyMd5 = sse.CustomerKeyMd5,
                Metadata = p.Metadata,
            });
        }
        catch
        {
            content.Dispose();
            throw;
        }
    }

    private partial Task<HeadObjectResponse> HeadObjectAsync(HeadObjectRequest request, OperationContext context)
    {
        RequireBucket(context);
        var record = context.Store.GetObject(context.Bucket, context.Key, request.VersionId) ?? throw CosErrors.NoSuchKey();
        if (record.IsDeleteMarker)
        {
            throw CosErrors.MethodNotAllowed("HEAD");
        }

        CheckReadKey(record, request.SseCustomerAlgorithm, request.SseCustomerKey, request.SseCustomerKeyMd5);
        if (Preconditions.Evaluate(record, request.IfMatch, request.IfNoneMatch, request.IfModifiedSince, request.IfUnmodifiedSince, isRead: true) == Preconditions.Outcome.NotModified)
        {
            return Task.FromResult(new HeadObjectResponse { StatusCode = 304, ETag = record.ETag, LastModified = record.LastModified, VersionId = record.VersionId });
        }

        var p = record.Properties;
        var sse = Echo(p);
        return Task.FromResult(new HeadObjectResponse
        {
            ContentLength = record.Size,
            ContentType = p.ContentType ?? "application/octet-stream",
            CacheControl = p.CacheControl,
            ContentDisposition = p.ContentDisposition,
            ContentEncoding = p.ContentEncoding,
            ContentLanguage = p.ContentLanguage,
            Expires = p.Expires,
            ETag = record.ETag,
            LastModified = record.LastModified,
            Crc64 = record.Crc64,
            ObjectType = ObjectType(record),
            StorageClass = p.StorageClass == "STANDARD" ? (StorageClass?)null : new StorageClass(p.StorageClass),
            Restore = RestoreState(record, context)?.Header,
            VersionId = record.VersionId,
            TaggingCount = TaggingCount(record),
            ServerSideEncryption = sse.Algorithm,
            SseKmsKeyId = sse.KmsKeyId,
            SseCustomerAlgorithm = sse.CustomerAlgorithm,
            SseCustomerKeyMd5 = sse.CustomerKeyMd5,
            Metadata = p.Metadata,
        });
    }

    private partial Task<DeleteObjectResponse> DeleteObjectAsync(DeleteObjectRequest request, OperationContext context)
    {
        RequireBucket(context);
        var deleted = context.Store.DeleteObject(context.Bucket, context.Key, request.VersionId, context.Now);
        return Task.FromResult(new DeleteObjectResponse { StatusCode = 204, VersionId = deleted?.VersionId, DeleteMarker = deleted?.DeleteMarker == true ? true : null });
    }

    private partial Task<DeleteMultipleObjectsResponse> DeleteMultipleObjectsAsync(DeleteMultipleObjectsRequest request, OperationContext context)
    {
        RequireBucket(context);
        if (context.Header("Content-MD5") is null)
        {
            throw CosErrors.InvalidDigest("DELETE Multiple Objects needs a Content-MD5 header.");
        }

        if (request.Objects.Count is 0 or > 1000)
        {
            throw CosErrors.MalformedXml("DELETE Multiple Objects takes 1 to 1000 <Object> elements.");
        }

        var deleted = new List<DeletedObject>();
        var errors = new List<DeleteError>();
        var action = CosOperations.DeleteMultipleObjects.CamAction;
        foreach (var (key, versionId) in request.Objects.Select(o => (o.Key, o.VersionId)))
        {
            if (key.Length == 0)
            {
                errors.Add(new DeleteError { Key = key, VersionId = versionId, Code = "InvalidArgument", Message = "The key is empty." });
                continue;
            }

            // A batch delete is authorized key by key (as the official SDKs scope it); a refused key is one of its errors.
            if (context.Grant is { } grant && !grant.IsAllowed(action, context.Bucket, key))
            {
                errors.Add(new DeleteError { Key = key, VersionId = versionId, Code = "AccessDenied", Message = $"Access Denied: the temporary key's policy does not allow {action} on {context.Bucket}/{key}." });
                continue;
            }

            var outcome = context.Store.DeleteObject(context.Bucket, key, versionId, context.Now);
            deleted.Add(new DeletedObject
            {
                Key = key,
                VersionId = versionId,
                DeleteMarker = outcome?.DeleteMarker == true ? true : null,
                DeleteMarkerVersionId = outcome is { DeleteMarker: true } ? outcome.VersionId ?? ObjectRecord.NullVersionId : null,
            });
        }

        return Task.FromResult(new DeleteMultipleObjectsResponse { Deleted = request.Quiet == true ? [] : deleted, Errors = errors });
    }

    private static string ObjectType(ObjectRecord record) => record.Appendable ? "appendable" : record.ETag.Contains('-') ? "multipart" : "normal";
}
