using System.Globalization;
using Cos.Emulator.Errors;
using Cos.Emulator.Routing;
using Cos.Emulator.Storage;

namespace Cos.Emulator.Operations;

/// <summary>GET Service, PUT/HEAD/DELETE Bucket and GET Bucket (list objects).</summary>
internal static class BucketOperations
{
    public static Task GetServiceAsync(OperationContext context)
    {
        var region = context.Route.Get("region");
        var buckets = context.Store.ListBuckets().Where(b => string.IsNullOrEmpty(region) || b.Region == region).ToList();
        return Xml.WriteAsync(context.Response, "ListAllMyBucketsResult", xml =>
        {
            Xml.Owner(xml, "Owner", context.Options.OwnerId);
            xml.WriteStartElement("Buckets");
            foreach (var bucket in buckets)
            {
                xml.WriteStartElement("Bucket");
                xml.WriteElementString("Name", bucket.Name);
                xml.WriteElementString("Location", bucket.Region);
                xml.WriteElementString("CreationDate", Xml.Iso(bucket.CreationDate));
                xml.WriteElementString("BucketType", "cos");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteElementString("IsTruncated", "false");
        });
    }

    public static async Task PutBucketAsync(OperationContext context)
    {
        if (!CosRouter.IsValidBucketName(context.Bucket))
        {
            throw CosErrors.InvalidBucketName(context.Bucket);
        }

        // An optional CreateBucketConfiguration body is read and ignored.
        await context.Request.Body.CopyToAsync(Stream.Null, context.Http.RequestAborted);
        var bucket = new BucketRecord { Name = context.Bucket, Region = context.Route.Region ?? "ap-guangzhou", CreationDate = context.Now };
        if (!context.Store.TryCreateBucket(bucket))
        {
            throw CosErrors.BucketAlreadyExists();
        }

        context.Response.StatusCode = 200;
        context.Response.ContentLength = 0;
    }

    public static Task HeadBucketAsync(OperationContext context)
    {
        var bucket = context.Store.GetBucket(context.Bucket) ?? throw CosErrors.NoSuchBucket();
        context.Response.StatusCode = 200;
        context.Response.Headers["x-cos-bucket-region"] = bucket.Region;
        return Task.CompletedTask;
    }

    public static Task DeleteBucketAsync(OperationContext context)
    {
        context.Store.DeleteBucket(context.Bucket);
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    public static Task GetBucketAsync(OperationContext context)
    {
        ObjectOperations.RequireBucket(context);
        var route = context.Route;
        var prefix = route.Get("prefix") ?? string.Empty;
        var delimiter = route.Get("delimiter") ?? string.Empty;
        var marker = route.Get("marker") ?? string.Empty;
        var encodingType = EncodingType(route.Get("encoding-type"));
        var maxKeys = MaxItems(route.Get("max-keys"), "max-keys", 1000);

        var contents = new List<ObjectRecord>();
        var prefixes = new List<string>();
        string? nextMarker = null;
        var truncated = false;
        var count = 0;
        foreach (var record in context.Store.ListObjects(context.Bucket, prefix, marker.Length == 0 ? null : marker))
        {
            string? common = null;
            if (delimiter.Length > 0)
            {
                var at = record.Key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                if (at >= 0)
                {
                    common = record.Key[..(at + delimiter.Length)];
                    if (common == marker || (prefixes.Count > 0 && prefixes[^1] == common))
                    {
                        continue;
                    }
                }
            }

            if (count == maxKeys)
            {
                truncated = true;
                break;
            }

            if (common is not null)
            {
                prefixes.Add(common);
                nextMarker = common;
            }
            else
            {
                contents.Add(record);
                nextMarker = record.Key;
            }

            count++;
        }

        return Xml.WriteAsync(context.Response, "ListBucketResult", xml =>
        {
            xml.WriteElementString("Name", context.Bucket);
            if (encodingType is not null)
            {
                xml.WriteElementString("EncodingType", encodingType);
            }

            xml.WriteElementString("Prefix", XmlChars.Listed(prefix, encodingType));
            xml.WriteElementString("Marker", XmlChars.Listed(marker, encodingType));
            xml.WriteElementString("MaxKeys", Xml.Number(maxKeys));
            if (delimiter.Length > 0)
            {
                xml.WriteElementString("Delimiter", XmlChars.Listed(delimiter, encodingType));
            }

            xml.WriteElementString("IsTruncated", truncated ? "true" : "false");
            if (truncated && nextMarker is not null)
            {
                xml.WriteElementString("NextMarker", XmlChars.Listed(nextMarker, encodingType));
            }

            foreach (var common in prefixes)
            {
                xml.WriteStartElement("CommonPrefixes");
                xml.WriteElementString("Prefix", XmlChars.Listed(common, encodingType));
                xml.WriteEndElement();
            }

            foreach (var record in contents)
            {
                xml.WriteStartElement("Contents");
                xml.WriteElementString("Key", XmlChars.Listed(record.Key, encodingType));
                xml.WriteElementString("LastModified", Xml.Iso(record.LastModified));
                xml.WriteElementString("ETag", record.ETag);
                xml.WriteElementString("Size", Xml.Number(record.Size));
                Xml.Owner(xml, "Owner", context.Options.OwnerId);
                xml.WriteElementString("StorageClass", record.Properties.StorageClass);
                xml.WriteEndElement();
            }
        });
    }

    /// <summary>Only <c>url</c> is accepted.</summary>
    public static string? EncodingType(string? value) => value switch
    {
        null or "" => null,
        "url" => "url",
        _ => throw CosErrors.InvalidArgument($"encoding-type '{value}' is not supported: use 'url'."),
    };

    /// <summary>A page size: default and maximum <paramref name="max"/>; larger values are capped, non-numbers rejected.</summary>
    public static int MaxItems(string? value, string name, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return max;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            throw CosErrors.InvalidArgument($"{name} '{value}' is not a non-negative integer.");
        }

        return Math.Min(parsed, max);
    }
}
