using System.Security.Cryptography;
using Cos.Emulator.Errors;
using Cos.Emulator.Storage;
using Cos.Generated.Integrity;
using Microsoft.AspNetCore.Http;

namespace Cos.Emulator.Operations;

/// <summary>PUT, GET, HEAD and DELETE Object, and DELETE Multiple Objects.</summary>
internal static class ObjectOperations
{
    public static async Task PutObjectAsync(OperationContext context)
    {
        RequireBucket(context);
        var properties = ObjectHeaders.FromRequest(context.Request);
        var expectedMd5 = ContentMd5.Parse(context.Header("Content-MD5"));
        ForbidOverwrite(context);

        var blob = await context.Store.WriteBlobAsync(context.Request.Body, md5Required: expectedMd5 is not null, context.Http.RequestAborted);
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
        };
        context.Store.CommitObject(context.Bucket, record);
        context.Response.StatusCode = 200;
        context.Response.Headers.ETag = record.ETag;
        context.Response.Headers["x-cos-hash-crc64ecma"] = CosCrc64.Format(record.Crc64);
        context.Response.ContentLength = 0;
    }

    public static async Task GetObjectAsync(OperationContext context, bool head)
    {
        RequireBucket(context);
        var opened = context.Store.OpenObject(context.Bucket, context.Key) ?? throw CosErrors.NoSuchKey();
        await using var content = opened.Content;
        var record = opened.Record;
        var outcome = Preconditions.Evaluate(record, context.Header("If-Match"), context.Header("If-None-Match"), context.Header("If-Modified-Since"), context.Header("If-Unmodified-Since"), isRead: true);
        if (outcome == Preconditions.Outcome.NotModified)
        {
            ObjectHeaders.WriteValidators(context, record);
            context.Response.StatusCode = 304;
            return;
        }

        var range = head ? null : ByteRange.Parse(context.Header("Range"), record.Size);
        ObjectHeaders.Write(context, record);
        if (range is { } r)
        {
            context.Response.StatusCode = 206;
            context.Response.Headers.ContentRange = $"bytes {r.Start}-{r.End}/{record.Size}";
            context.Response.ContentLength = r.Length;
        }
        else
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength = record.Size;
        }

        if (head)
        {
            return;
        }

        var start = range?.Start ?? 0;
        var length = range?.Length ?? record.Size;
        content.Seek(start, SeekOrigin.Begin);
        await CopyAsync(content, context.Response.Body, length, context.Http.RequestAborted);
    }

    public static Task DeleteObjectAsync(OperationContext context)
    {
        RequireBucket(context);
        context.Store.DeleteObject(context.Bucket, context.Key);
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    public static async Task DeleteMultipleObjectsAsync(OperationContext context)
    {
        RequireBucket(context);
        var md5 = ContentMd5.Parse(context.Header("Content-MD5"))
            ?? throw CosErrors.InvalidDigest("DELETE Multiple Objects needs a Content-MD5 header.");
        var (document, raw) = await Xml.ReadAsync(context.Request, "Delete");
        if (!CryptographicOperations.FixedTimeEquals(md5, MD5.HashData(raw)))
        {
            throw CosErrors.BadDigest();
        }

        var root = document.DocumentElement!;
        var quiet = string.Equals(root["Quiet"]?.InnerText.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var keys = new List<string>();
        foreach (var node in root.ChildNodes.OfType<System.Xml.XmlElement>().Where(e => e.LocalName == "Object"))
        {
            keys.Add(node["Key"]?.InnerText ?? throw CosErrors.MalformedXml("Every <Object> needs a <Key>."));
        }

        if (keys.Count == 0 || keys.Count > 1000)
        {
            throw CosErrors.MalformedXml("DELETE Multiple Objects takes 1 to 1000 <Object> elements.");
        }

        var deleted = new List<string>();
        var errors = new List<(string Key, string Code, string Message)>();
        foreach (var key in keys)
        {
            if (key.Length == 0)
            {
                errors.Add((key, "InvalidArgument", "The key is empty."));
                continue;
            }

            context.Store.DeleteObject(context.Bucket, key);
            deleted.Add(key);
        }

        await Xml.WriteAsync(context.Response, "DeleteResult", xml =>
        {
            if (!quiet)
            {
                foreach (var key in deleted)
                {
                    xml.WriteStartElement("Deleted");
                    xml.WriteElementString("Key", key);
                    xml.WriteEndElement();
                }
            }

            foreach (var (key, code, message) in errors)
            {
                xml.WriteStartElement("Error");
                xml.WriteElementString("Key", key);
                xml.WriteElementString("Code", code);
                xml.WriteElementString("Message", message);
                xml.WriteEndElement();
            }
        });
    }

    /// <summary><c>x-cos-forbid-overwrite: true</c> refuses to replace an existing object.</summary>
    public static void ForbidOverwrite(OperationContext context)
    {
        if (string.Equals(context.Header("x-cos-forbid-overwrite"), "true", StringComparison.OrdinalIgnoreCase)
            && context.Store.GetObject(context.Bucket, context.Key) is not null)
        {
            throw new CosErrorException(409, "FileAlreadyExists", "The object already exists and x-cos-forbid-overwrite is true.");
        }
    }

    public static void RequireBucket(OperationContext context)
    {
        if (context.Store.GetBucket(context.Bucket) is null)
        {
            throw CosErrors.NoSuchBucket();
        }
    }

    public static async Task CopyAsync(Stream source, Stream destination, long length, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(HashingCopier.BufferSize);
        try
        {
            while (length > 0)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length)), cancellationToken);
                if (read == 0)
                {
                    throw new IOException("The stored content ended early.");
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                length -= read;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
