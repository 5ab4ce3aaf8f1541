using System.Security.Cryptography;
using Cos.Emulator.Errors;
using Cos.Emulator.Storage;
using Cos.Generated;
using Cos.Generated.Integrity;

namespace Cos.Emulator.Operations;

/// <summary>Initiate, Upload Part, Complete, Abort, List Parts and List Multipart Uploads.</summary>
internal sealed partial class CosOperationHandlers
{
    private partial Task<InitiateMultipartUploadResponse> InitiateMultipartUploadAsync(InitiateMultipartUploadRequest request, OperationContext context)
    {
        RequireBucket(context);
        var properties = Encrypted(
            context,
            Properties(context, request.ContentType, request.CacheControl, request.ContentDisposition, request.ContentEncoding, request.Expires, request.StorageClass, request.Metadata),
            request.ServerSideEncryption, request.SseKmsKeyId, request.SseCustomerAlgorithm, request.SseCustomerKey, request.SseCustomerKeyMd5);
        var documents = HeaderDocuments(context, request.Tagging, request.Acl, request.GrantRead, request.GrantReadAcp, request.GrantWriteAcp, request.GrantFullControl);
        var upload = context.Store.CreateUpload(context.Bucket, context.Key, properties, documents, context.Now);
        var sse = Echo(properties);

        // A key XML cannot carry is percent-encoded in the answer, so the client always learns the UploadId (an upload
        // it never learns could only be found by listing).
        return Task.FromResult(new InitiateMultipartUploadResponse
        {
            Bucket = context.Bucket, Key = XmlChars.Escape(upload.Key), UploadId = upload.UploadId,
            ServerSideEncryption = sse.Algorithm, SseKmsKeyId = sse.KmsKeyId, SseCustomerAlgorithm = sse.CustomerAlgorithm, SseCustomerKeyMd5 = sse.CustomerKeyMd5,
        });
    }

    private partial async Task<UploadPartResponse> UploadPartAsync(UploadPartRequest request, OperationContext context)
    {
        RequireBucket(context);
        var partNumber = CheckPartNumber(request.PartNumber);
        CheckTrafficLimit(request.TrafficLimit);
        var upload = RequireUpload(context, request.UploadId);
        CheckPartKey(upload, request.SseCustomerAlgorithm, request.SseCustomerKey, request.SseCustomerKeyMd5);
        var expectedMd5 = ContentMd5.Parse(request.ContentMd5);
        var blob = await context.Store.WriteBlobAsync(request.Body, md5Required: expectedMd5 is not null, context.Http.RequestAborted);
        if (expectedMd5 is not null && !CryptographicOperations.FixedTimeEquals(expectedMd5, blob.Md5))
        {
            context.Store.DiscardBlob(blob.BlobId);
            throw CosErrors.BadDigest();
        }

        var part = new PartRecord { PartNumber = partNumber, BlobId = blob.BlobId, Size = blob.Length, Md5 = blob.Md5, Crc64 = blob.Crc64, LastModified = context.Now };
        context.Store.CommitPart(context.Bucket, request.UploadId, part);
        var sse = Echo(upload.Properties);
        return new UploadPartResponse
        {
            ETag = part.ETag, Crc64 = part.Crc64,
            ServerSideEncryption = sse.Algorithm, SseKmsKeyId = sse.KmsKeyId, SseCustomerAlgorithm = sse.CustomerAlgorithm, SseCustomerKeyMd5 = sse.CustomerKeyMd5,
        };
    }

    private partial async Task<CompleteMultipartUploadResponse> CompleteMultipartUploadAsync(CompleteMultipartUploadRequest request, OperationContext context)
    {
        RequireBucket(context);
        var upload = RequireUpload(context, request.UploadId);
        if (request.Parts.Count == 0)
        {
            throw CosErrors.MalformedXml("CompleteMultipartUpload lists no <Part>.");
        }

        for (var i = 1; i < request.Parts.Count; i++)
        {
            if (request.Parts[i].PartNumber <= request.Parts[i - 1].PartNumber)
            {
                throw CosErrors.InvalidPartOrder();
            }
        }

        var parts = new List<PartRecord>();
        foreach (var listed in request.Parts)
        {
            if (!upload.Parts.TryGetValue(listed.PartNumber, out var part))
            {
                throw CosErrors.InvalidPart($"Part {listed.PartNumber} was not uploaded.");
            }

            if (listed.ETag is null || !string.Equals(part.ETag.Trim('"'), listed.ETag.Trim().Trim('"'), StringComparison.OrdinalIgnoreCase))
            {
                throw CosErrors.InvalidPart($"The ETag of part {listed.PartNumber} does not match: the part's ETag is {part.ETag}.");
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

        ForbidOverwrite(context, request.ForbidOverwrite);
        var md5s = parts.SelectMany(p => p.Md5).ToArray();
        var etag = $"\"{Convert.ToHexStringLower(MD5.HashData(md5s))}-{parts.Count}\"";
        var crc = parts[0].Crc64;
        for (var i = 1; i < parts.Count; i++)
        {
            crc = CosCrc64.Combine(crc, parts[i].Crc64, parts[i].Size);
        }

        var record = await context.Store.CompleteUploadAsync(context.Bucket, request.UploadId, parts, etag, crc, context.Now, context.Http.RequestAborted);
        var sse = Echo(record.Properties);
        return new CompleteMultipartUploadResponse
        {
            // Escaped as Initiate's answer is: a Complete that took effect must always answer 200.
            Location = XmlChars.Escape($"{context.Route.Host}/{record.Key}"),
            Bucket = context.Bucket,
            Key = XmlChars.Escape(record.Key),
            ETag = record.ETag,
            Crc64 = record.Crc64,
            VersionId = record.VersionId,
            ServerSideEncryption = sse.Algorithm,
            SseKmsKeyId = sse.KmsKeyId,
            SseCustomerAlgorithm = sse.CustomerAlgorithm,
            SseCustomerKeyMd5 = sse.CustomerKeyMd5,
        };
    }

    private partial Task<AbortMultipartUploadResponse> AbortMultipartUploadAsync(AbortMultipartUploadRequest request, OperationContext context)
    {
        RequireBucket(context);
        RequireUpload(context, request.UploadId);
        return context.Store.AbortUpload(context.Bucket, request.UploadId)
            ? Task.FromResult(new AbortMultipartUploadResponse { StatusCode = 204 })
            : throw CosErrors.NoSuchUpload();
    }

    private partial Task<ListPartsResponse> ListPartsAsync(ListPartsRequest request, OperationContext context)
    {
        RequireBucket(context);
        var upload = RequireUpload(context, request.UploadId);
        var encodingType = CheckEncodingType(request.EncodingType);
        var maxParts = PageSize(request.MaxParts, "max-parts", 1000);
        var marker = request.PartNumberMarker ?? 0;
        if (marker < 0)
        {
            throw CosErrors.InvalidArgument("part-number-marker must not be negative.");
        }

        var remaining = upload.Parts.Values.Where(p => p.PartNumber > marker).ToList();
        var page = remaining.Take(maxParts).ToList();
        return Task.FromResult(new ListPartsResponse
        {
            Bucket = context.Bucket,
            EncodingType = encodingType is null ? (EncodingType?)null : new EncodingType(encodingType),
            Key = XmlChars.Listed(upload.Key, encodingType),
            UploadId = upload.UploadId,
            Initiator = Owner(context),
            Owner = Owner(context),
            StorageClass = new StorageClass(upload.Properties.StorageClass),
            PartNumberMarker = marker,
            NextPartNumberMarker = page.Count > 0 ? page[^1].PartNumber : null,
            MaxParts = maxParts,
            IsTruncated = remaining.Count > page.Count,
            Parts = page.Select(p => new PartSummary { PartNumber = p.PartNumber, LastModified = p.LastModified, ETag = p.ETag, Size = p.Size }).ToList(),
        });
    }

    private partial Task<ListMultipartUploadsResponse> ListMultipartUploadsAsync(ListMultipartUploadsRequest request, OperationContext context)
    {
        RequireBucket(context);
        var prefix = request.Prefix ?? string.Empty;
        var delimiter = request.Delimiter ?? string.Empty;
        var keyMarker = request.KeyMarker ?? string.Empty;
        var uploadIdMarker = request.UploadIdMarker ?? string.Empty;
        var encodingType = CheckEncodingType(request.EncodingType);
        var maxUploads = PageSize(request.MaxUploads, "max-uploads", 1000);

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

        var listing = ListingPage<UploadRecord>.Take(uploads, u => u.Key, prefix, delimiter, keyMarker, maxUploads);
        var truncated = listing.IsTruncated;
        var nextKey = listing.Last.CommonPrefix ?? listing.Last.Entry?.Key;
        var nextUploadId = listing.Last.CommonPrefix is null ? listing.Last.Entry?.UploadId : null;
        var page = listing.Entries;
        var prefixes = listing.CommonPrefixes;

        var owner = Owner(context);
        return Task.FromResult(new ListMultipartUploadsResponse
        {
            Bucket = context.Bucket,
            EncodingType = encodingType is null ? (EncodingType?)null : new EncodingType(encodingType),
            KeyMarker = XmlChars.Listed(keyMarker, encodingType),
            UploadIdMarker = XmlChars.Escape(uploadIdMarker),
            NextKeyMarker = truncated ? XmlChars.Listed(nextKey ?? string.Empty, encodingType) : null,
            NextUploadIdMarker = truncated ? nextUploadId ?? string.Empty : null,
            MaxUploads = maxUploads,
            IsTruncated = truncated,
            Prefix = XmlChars.Listed(prefix, encodingType),
            Delimiter = delimiter.Length > 0 ? XmlChars.Listed(delimiter, encodingType) : null,
            Uploads = page.Select(u => new MultipartUpload
            {
                Key = XmlChars.Listed(u.Key, encodingType),
                UploadId = u.UploadId,
                StorageClass = new StorageClass(u.Properties.StorageClass),
                Initiator = owner,
                Owner = owner,
                Initiated = u.Initiated,
            }).ToList(),
            CommonPrefixes = prefixes.Select(p => new CommonPrefix { Prefix = XmlChars.Listed(p, encodingType) }).ToList(),
        });
    }
}
