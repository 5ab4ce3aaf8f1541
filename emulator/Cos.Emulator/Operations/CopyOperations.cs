using System.Globalization;
using Cos.Emulator.Errors;
using Cos.Emulator.Storage;
using Cos.Generated.Integrity;

namespace Cos.Emulator.Operations;

/// <summary>PUT Object - Copy and Upload Part - Copy, from any bucket of the emulator.</summary>
internal static class CopyOperations
{
    public static async Task PutObjectCopyAsync(OperationContext context)
    {
        ObjectOperations.RequireBucket(context);
        var source = CopySource.Parse(context.Header("x-cos-copy-source")!);
        var directive = context.Header("x-cos-metadata-directive") ?? "Copy";
        if (directive is not ("Copy" or "Replaced"))
        {
            throw CosErrors.InvalidArgument($"x-cos-metadata-directive '{directive}' must be Copy or Replaced.");
        }

        ObjectOperations.ForbidOverwrite(context);
        var (record, content) = OpenSource(context, source);
        BlobInfo blob;
        await using (content)
        {
            CheckConditions(context, record);
            var storageClass = ObjectHeaders.StorageClass(context.Request);
            if (directive == "Copy" && source.Bucket == context.Bucket && source.Key == context.Key && storageClass is null)
            {
                throw CosErrors.InvalidRequest("This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata or storage class.");
            }

            blob = await context.Store.WriteBlobAsync(content, md5Required: false, context.Http.RequestAborted);
        }

        var properties = directive == "Replaced"
            ? ObjectHeaders.FromRequest(context.Request)
            : record.Properties with { StorageClass = ObjectHeaders.StorageClass(context.Request) ?? record.Properties.StorageClass };
        var copy = new ObjectRecord
        {
            Key = context.Key,
            BlobId = blob.BlobId,
            Size = blob.Length,
            ETag = context.Store.KeepsContent ? $"\"{Convert.ToHexStringLower(blob.Md5)}\"" : record.ETag,
            Crc64 = context.Store.KeepsContent ? blob.Crc64 : record.Crc64,
            LastModified = context.Now,
            Properties = properties,
        };
        context.Store.CommitObject(context.Bucket, copy);
        context.Response.Headers["x-cos-hash-crc64ecma"] = CosCrc64.Format(copy.Crc64);
        await Xml.WriteAsync(context.Response, "CopyObjectResult", xml =>
        {
            xml.WriteElementString("ETag", copy.ETag);
            xml.WriteElementString("LastModified", Xml.Iso(copy.LastModified));
            xml.WriteElementString("CRC64", CosCrc64.Format(copy.Crc64));
        });
    }

    public static async Task UploadPartCopyAsync(OperationContext context)
    {
        ObjectOperations.RequireBucket(context);
        var partNumber = MultipartOperations.PartNumber(context);
        var uploadId = context.Route.Get("uploadId")!;
        var upload = context.Store.GetUpload(context.Bucket, uploadId);
        if (upload is null || upload.Key != context.Key)
        {
            throw CosErrors.NoSuchUpload();
        }

        var source = CopySource.Parse(context.Header("x-cos-copy-source")!);
        var (record, content) = OpenSource(context, source);
        BlobInfo blob;
        await using (content)
        {
            CheckConditions(context, record);
            var (start, length) = ParseCopyRange(context.Header("x-cos-copy-source-range"), record.Size);
            content.Seek(start, SeekOrigin.Begin);
            blob = await context.Store.WriteBlobAsync(new LimitedStream(content, length), md5Required: false, context.Http.RequestAborted);
        }

        var part = new PartRecord { PartNumber = partNumber, BlobId = blob.BlobId, Size = blob.Length, Md5 = blob.Md5, Crc64 = blob.Crc64, LastModified = context.Now };
        context.Store.CommitPart(context.Bucket, uploadId, part);
        await Xml.WriteAsync(context.Response, "CopyPartResult", xml =>
        {
            xml.WriteElementString("ETag", part.ETag);
            xml.WriteElementString("LastModified", Xml.Iso(part.LastModified));
            xml.WriteElementString("CRC64", CosCrc64.Format(part.Crc64));
        });
    }

    private static (ObjectRecord Record, Stream Content) OpenSource(OperationContext context, CopySource source)
    {
        try
        {
            return context.Store.OpenObject(source.Bucket, source.Key) ?? throw CosErrors.NoSuchKey();
        }
        catch (CosErrorException e) when (e.Code == "NoSuchBucket")
        {
            throw new CosErrorException(404, "NoSuchBucket", $"The copy source bucket '{source.Bucket}' does not exist.");
        }
    }

    private static void CheckConditions(OperationContext context, ObjectRecord record) =>
        Preconditions.Evaluate(
            record,
            context.Header("x-cos-copy-source-If-Match"),
            context.Header("x-cos-copy-source-If-None-Match"),
            context.Header("x-cos-copy-source-If-Modified-Since"),
            context.Header("x-cos-copy-source-If-Unmodified-Since"),
            isRead: false);

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
