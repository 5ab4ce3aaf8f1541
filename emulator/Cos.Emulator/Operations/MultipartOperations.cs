using System.Globalization;
using System.Security.Cryptography;
using Cos.Emulator.Errors;
using Cos.Emulator.Storage;
using Cos.Generated.Integrity;

namespace Cos.Emulator.Operations;

/// <summary>Initiate, Upload Part, Complete, Abort, List Parts and List Multipart Uploads.</summary>
internal static class MultipartOperations
{
    public const long MinPartSize = 1024 * 1024;

    public static Task InitiateAsync(OperationContext context)
    {
        ObjectOperations.RequireBucket(context);
        var upload = context.Store.CreateUpload(context.Bucket, context.Key, ObjectHeaders.FromRequest(context.Request), context.Now);
        byte[] answer;
        try
        {
            answer = Xml.Build("InitiateMultipartUploadResult", xml =>
            {
                xml.WriteElementString("Bucket", context.Bucket);
                xml.WriteElementString("Key", XmlChars.Escape(upload.Key));
                xml.WriteElementString("UploadId", upload.UploadId);
            });
        }
        catch
        {
            // An upload whose id the client never learns could only be found by listing: do not leave one behind.
            context.Store.AbortUpload(context.Bucket, upload.UploadId);
            throw;
        }

        return Xml.SendAsync(context.Response, answer);
    }

    public static async Task UploadPartAsync(OperationContext context)
    {
        ObjectOperations.RequireBucket(context);
        var partNumber = PartNumber(context);
        var uploadId = context.Route.Get("uploadId")!;
        var upload = context.Store.GetUpload(context.Bucket, uploadId);
        if (upload is null || upload.Key != context.Key)
        {
            throw CosErrors.NoSuchUpload();
        }

        var expectedMd5 = ContentMd5.Parse(context.Header("Content-MD5"));
        var blob = await context.Store.WriteBlobAsync(context.Request.Body, md5Required: expectedMd5 is not null, context.Http.RequestAborted);
        if (expectedMd5 is not null && !CryptographicOperations.FixedTimeEquals(expectedMd5, blob.Md5))
        {
            context.Store.DiscardBlob(blob.BlobId);
            throw CosErrors.BadDigest();
        }

        var part = new PartRecord { PartNumber = partNumber, BlobId = blob.BlobId, Size = blob.Length, Md5 = blob.Md5, Crc64 = blob.Crc64, LastModified = context.Now };
        context.Store.CommitPart(context.Bucket, uploadId, part);
        context.Response.StatusCode = 200;
        context.Response.Headers.ETag = part.ETag;
        context.Response.Headers["x-cos-hash-crc64ecma"] = CosCrc64.Format(part.Crc64);
        context.Response.ContentLength = 0;
    }

    public static async Task CompleteAsync(OperationContext context)
    {
        ObjectOperations.RequireBucket(context);
        var uploadId = context.Route.Get("uploadId")!;
        var upload = context.Store.GetUpload(context.Bucket, uploadId);
        if (upload is null || upload.Key != context.Key)
        {
            throw CosErrors.NoSuchUpload();
        }

        var (document, _) = await Xml.ReadAsync(context.Request, "CompleteMultipartUpload");
        var listed = new List<(int Number, string ETag)>();
        foreach (var element in document.DocumentElement!.ChildNodes.OfType<System.Xml.XmlElement>().Where(e => e.LocalName == "Part"))
        {
            if (!int.TryParse(element["PartNumber"]?.InnerText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw CosErrors.MalformedXml("Every <Part> needs a numeric <PartNumber>.");
            }

            listed.Add((number, element["ETag"]?.InnerText.Trim() ?? throw CosErrors.MalformedXml("Every <Part> needs an <ETag>.")));
        }

        if (listed.Count == 0)
        {
            throw CosErrors.MalformedXml("CompleteMultipartUpload lists no <Part>.");
        }

        for (var i = 1; i < listed.Count; i++)
        {
            if (listed[i].Number <= listed[i - 1].Number)
            {
                throw CosErrors.InvalidPartOrder();
            }
        }

        var parts = new List<PartRecord>();
        foreach (var (number, etag) in listed)
        {
            if (!upload.Parts.TryGetValue(number, out var part))
            {
                throw CosErrors.InvalidPart($"Part {number} was not uploaded.");
            }

            if (!string.Equals(part.ETag.Trim('"'), etag.Trim('"'), StringComparison.OrdinalIgnoreCase))
            {
                throw CosErrors.InvalidPart($"The ETag of part {number} does not match: the part's ETag is {part.ETag}.");
            }

            parts.Add(part);
        }

        for (var i = 0; i < parts.Count - 1; i++)
        {
            if (parts[i].Size < context.Options.MinPartSize)
            {
                throw CosErrors.EntityTooSmall(parts[i].PartNumber);
            }
        }

        var md5s = parts.SelectMany(p => p.Md5).ToArray();
        var etagValue = $"\"{Convert.ToHexStringLower(MD5.HashData(md5s))}-{parts.Count}\"";
        var crc = parts[0].Crc64;
        for (var i = 1; i < parts.Count; i++)
        {
            crc = CosCrc64.Combine(crc, parts[i].Crc64, parts[i].Size);
        }

        // The answer is built before the object is committed: a Complete that took effect always answers 200.
        var answer = Xml.Build("CompleteMultipartUploadResult", xml =>
        {
            xml.WriteElementString("Location", XmlChars.Escape($"{context.Route.Host}/{upload.Key}"));
            xml.WriteElementString("Bucket", context.Bucket);
            xml.WriteElementString("Key", XmlChars.Escape(upload.Key));
            xml.WriteElementString("ETag", etagValue);
        });
        var record = await context.Store.CompleteUploadAsync(context.Bucket, uploadId, parts, etagValue, crc, context.Now, context.Http.RequestAborted);
        context.Response.Headers["x-cos-hash-crc64ecma"] = CosCrc64.Format(record.Crc64);
        await Xml.SendAsync(context.Response, answer);
    }

    public static Task AbortAsync(OperationContext context)
    {
        ObjectOperations.RequireBucket(context);
        var uploadId = context.Route.Get("uploadId")!;
        var upload = context.Store.GetUpload(context.Bucket, uploadId);
        if (upload is null || upload.Key != context.Key || !context.Store.AbortUpload(context.Bucket, uploadId))
        {
            throw CosErrors.NoSuchUpload();
        }

        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    public static Task ListPartsAsync(OperationContext context)
    {
        ObjectOperations.RequireBucket(context);
        var route = context.Route;
        var uploadId = route.Get("uploadId")!;
        var upload = context.Store.GetUpload(context.Bucket, uploadId);
        if (upload is null || upload.Key != context.Key)
        {
            throw CosErrors.NoSuchUpload();
        }

        var encodingType = BucketOperations.EncodingType(route.Get("encoding-type"));
        var maxParts = BucketOperations.MaxItems(route.Get("max-parts"), "max-parts", 1000);
        var marker = BucketOperations.MaxItems(route.Get("part-number-marker"), "part-number-marker", int.MaxValue);
        if (route.Get("part-number-marker") is null or "")
        {
            marker = 0;
        }

        var remaining = upload.Parts.Values.Where(p => p.PartNumber > marker).ToList();
        var page = remaining.Take(maxParts).ToList();
        var truncated = remaining.Count > page.Count;
        return Xml.WriteAsync(context.Response, "ListPartsResult", xml =>
        {
            xml.WriteElementString("Bucket", context.Bucket);
            if (encodingType is not null)
            {
                xml.WriteElementString("EncodingType", encodingType);
            }

            xml.WriteElementString("Key", XmlChars.Listed(upload.Key, encodingType));
            xml.WriteElementString("UploadId", upload.UploadId);
            Xml.Owner(xml, "Initiator", context.Options.OwnerId);
            Xml.Owner(xml, "Owner", context.Options.OwnerId);
            xml.WriteElementString("StorageClass", upload.Properties.StorageClass);
            xml.WriteElementString("PartNumberMarker", Xml.Number(marker));
            if (page.Count > 0)
            {
                xml.WriteElementString("NextPartNumberMarker", Xml.Number(page[^1].PartNumber));
            }

            xml.WriteElementString("MaxParts", Xml.Number(maxParts));
            xml.WriteElementString("IsTruncated", truncated ? "true" : "false");
            foreach (var part in page)
            {
                xml.WriteStartElement("Part");
                xml.WriteElementString("PartNumber", Xml.Number(part.PartNumber));
                xml.WriteElementString("LastModified", Xml.Iso(part.LastModified));
                xml.WriteElementString("ETag", part.ETag);
                xml.WriteElementString("Size", Xml.Number(part.Size));
                xml.WriteEndElement();
            }
        });
    }

    public static Task ListUploadsAsync(OperationContext context)
    {
        ObjectOperations.RequireBucket(context);
        var route = context.Route;
        var prefix = route.Get("prefix") ?? string.Empty;
        var delimiter = route.Get("delimiter") ?? string.Empty;
        var keyMarker = route.Get("key-marker") ?? string.Empty;
        var uploadIdMarker = route.Get("upload-id-marker") ?? string.Empty;
        var encodingType = BucketOperations.EncodingType(route.Get("encoding-type"));
        var maxUploads = BucketOperations.MaxItems(route.Get("max-uploads"), "max-uploads", 1000);

        var uploads = context.Store.ListUploads(context.Bucket)
            .Where(u => u.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Order(Comparer<UploadRecord>.Create(static (a, b) =>
            {
                var byKey = Utf8Order.Instance.Compare(a.Key, b.Key);
                return byKey != 0 ? byKey : string.CompareOrdinal(a.UploadId, b.UploadId);
            }))
            .Where(u => keyMarker.Length == 0
                || Utf8Order.Instance.Compare(u.Key, keyMarker) > 0
                || (uploadIdMarker.Length > 0 && u.Key == keyMarker && string.CompareOrdinal(u.UploadId, uploadIdMarker) > 0));

        var page = new List<UploadRecord>();
        var prefixes = new List<string>();
        string? nextKey = null, nextUploadId = null;
        var truncated = false;
        foreach (var upload in uploads)
        {
            string? common = null;
            if (delimiter.Length > 0)
            {
                var at = upload.Key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                if (at >= 0)
                {
                    common = upload.Key[..(at + delimiter.Length)];
                    if (common == keyMarker || (prefixes.Count > 0 && prefixes[^1] == common))
                    {
                        continue;
                    }
                }
            }

            if (page.Count + prefixes.Count == maxUploads)
            {
                truncated = true;
                break;
            }

            if (common is not null)
            {
                prefixes.Add(common);
                nextKey = common;
                nextUploadId = null;
            }
            else
            {
                page.Add(upload);
                nextKey = upload.Key;
                nextUploadId = upload.UploadId;
            }
        }

        return Xml.WriteAsync(context.Response, "ListMultipartUploadsResult", xml =>
        {
            xml.WriteElementString("Bucket", context.Bucket);
            if (encodingType is not null)
            {
                xml.WriteElementString("EncodingType", encodingType);
            }

            xml.WriteElementString("KeyMarker", XmlChars.Listed(keyMarker, encodingType));
            xml.WriteElementString("UploadIdMarker", XmlChars.Escape(uploadIdMarker));
            if (truncated)
            {
                xml.WriteElementString("NextKeyMarker", XmlChars.Listed(nextKey ?? string.Empty, encodingType));
                xml.WriteElementString("NextUploadIdMarker", nextUploadId ?? string.Empty);
            }

            xml.WriteElementString("MaxUploads", Xml.Number(maxUploads));
            xml.WriteElementString("IsTruncated", truncated ? "true" : "false");
            xml.WriteElementString("Prefix", XmlChars.Listed(prefix, encodingType));
            if (delimiter.Length > 0)
            {
                xml.WriteElementString("Delimiter", XmlChars.Listed(delimiter, encodingType));
            }

            foreach (var upload in page)
            {
                xml.WriteStartElement("Upload");
                xml.WriteElementString("Key", XmlChars.Listed(upload.Key, encodingType));
                xml.WriteElementString("UploadId", upload.UploadId);
                xml.WriteElementString("StorageClass", upload.Properties.StorageClass);
                Xml.Owner(xml, "Initiator", context.Options.OwnerId);
                Xml.Owner(xml, "Owner", context.Options.OwnerId);
                xml.WriteElementString("Initiated", Xml.Iso(upload.Initiated));
                xml.WriteEndElement();
            }

            foreach (var common in prefixes)
            {
                xml.WriteStartElement("CommonPrefixes");
                xml.WriteElementString("Prefix", XmlChars.Listed(common, encodingType));
                xml.WriteEndElement();
            }
        });
    }

    public static int PartNumber(OperationContext context)
    {
        var text = context.Route.Get("partNumber");
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 10000
            ? number
            : throw CosErrors.InvalidArgument($"partNumber '{text}' must be an integer from 1 to 10000.");
    }
}
