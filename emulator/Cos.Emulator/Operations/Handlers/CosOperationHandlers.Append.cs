using System.Security.Cryptography;
using Cos.Emulator.Errors;
using Cos.Emulator.Storage;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// POST Object append. The appended object is written as a new blob (the old content followed by the new bytes) and
/// then committed, so a crash leaves either the old object or the new one. Two appends racing at the same position
/// both pass the position check; the last commit wins (COS would refuse the second with 409).
/// </summary>
internal sealed partial class CosOperationHandlers
{
    private partial async Task<AppendObjectResponse> AppendObjectAsync(AppendObjectRequest request, OperationContext context)
    {
        RequireBucket(context);
        if (context.Header("Content-Length") is null)
        {
            throw new CosErrorException(411, "MissingContentLength", "POST Object append needs a Content-Length header.");
        }

        if (request.Position < 0)
        {
            throw CosErrors.InvalidArgument("The append position cannot be negative.");
        }

        CheckTrafficLimit(request.TrafficLimit);
        var expectedMd5 = ContentMd5.Parse(request.ContentMd5);
        var opened = context.Store.OpenObject(context.Bucket, context.Key);
        var current = opened?.Record;
        using var old = opened?.Content;
        if (current is not null && !current.Appendable)
        {
            throw new CosErrorException(409, "ObjectNotAppendable", "The object was not created by append and cannot be appended to.");
        }

        var length = current?.Size ?? 0;
        if (request.Position != length)
        {
            throw new CosErrorException(409, "PositionNotEqualToLength", $"The position {request.Position} is not the object's length {length}.");
        }

        if (current is null && request.StorageClass?.Value is "INTELLIGENT_TIERING")
        {
            throw CosErrors.InvalidArgument("An appendable object cannot be INTELLIGENT_TIERING.");
        }

        // The first append sets the ACL from its headers (checked before any byte is stored); later ones keep the object's.
        var firstDocuments = current is null ? HeaderDocuments(context, null, request.Acl, request.GrantRead, request.GrantReadAcp, request.GrantWriteAcp, request.GrantFullControl) : null;
        using var appended = new Md5HashingStream(request.Body);
        var blob = await context.Store.WriteBlobAsync(old is null ? appended : new ConcatenatedStream(old, appended), md5Required: true, context.Http.RequestAborted);
        if (expectedMd5 is not null && !CryptographicOperations.FixedTimeEquals(expectedMd5, appended.Md5()))
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
            Properties = current?.Properties
                ?? Properties(context, request.ContentType, request.CacheControl, request.ContentDisposition, request.ContentEncoding, request.Expires, request.StorageClass, request.Metadata),
            Appendable = true,
            Configurations = current?.Configurations ?? firstDocuments!,
        };
        context.Store.CommitObject(context.Bucket, record);
        return new AppendObjectResponse { NextAppendPosition = record.Size, ETag = record.ETag, Crc64 = record.Crc64 };
    }
}
