using Cos.Emulator.Errors;
using Cos.Emulator.Storage;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// PUT and GET Bucket versioning and GET Bucket Object versions. The state is the bucket record's
/// <see cref="BucketRecord.Versioning"/>, which the store reads on every write and delete: enabled keeps every version
/// under a new id and deletes leave delete markers; suspended writes (and deletes) replace the null version. A bucket
/// that never had versioning answers an empty <c>VersioningConfiguration</c>, not an error, as COS does.
/// </summary>
internal sealed partial class CosOperationHandlers
{
    private partial Task<PutBucketVersioningResponse> PutBucketVersioningAsync(PutBucketVersioningRequest request, OperationContext context)
    {
        RequireBucket(context);
        if (request.Status != BucketVersioningStatus.Enabled && request.Status != BucketVersioningStatus.Suspended)
        {
            throw CosErrors.MalformedXml($"The versioning Status must be Enabled or Suspended, not '{request.Status.Value}'.");
        }

        context.Store.SetVersioning(context.Bucket, request.Status.Value);
        return Task.FromResult(new PutBucketVersioningResponse());
    }

    private partial Task<GetBucketVersioningResponse> GetBucketVersioningAsync(GetBucketVersioningRequest request, OperationContext context)
    {
        var bucket = context.Store.GetBucket(context.Bucket) ?? throw CosErrors.NoSuchBucket();
        return Task.FromResult(new GetBucketVersioningResponse { Status = bucket.Versioning is { } status ? new BucketVersioningStatus(status) : (BucketVersioningStatus?)null });
    }

    private partial Task<ListObjectVersionsResponse> ListObjectVersionsAsync(ListObjectVersionsRequest request, OperationContext context)
    {
        RequireBucket(context);
        var prefix = request.Prefix ?? string.Empty;
        var delimiter = request.Delimiter ?? string.Empty;
        var keyMarker = request.KeyMarker ?? string.Empty;
        var versionIdMarker = request.VersionIdMarker ?? string.Empty;
        var encodingType = CheckEncodingType(request.EncodingType);
        var maxKeys = PageSize(request.MaxKeys, "max-keys", 1000);

        var page = ListingPage<(ObjectRecord Record, bool IsLatest)>.Take(
            context.Store.ListVersions(context.Bucket, prefix, keyMarker, versionIdMarker), v => v.Record.Key, prefix, delimiter, keyMarker, maxKeys);
        var owner = Owner(context);
        var versions = new List<ObjectVersion>();
        var markers = new List<DeleteMarkerEntry>();
        foreach (var (record, isLatest) in page.Entries)
        {
            var key = XmlChars.Listed(record.Key, encodingType);
            if (record.IsDeleteMarker)
            {
                markers.Add(new DeleteMarkerEntry { Key = key, VersionId = record.ListedVersionId, IsLatest = isLatest, LastModified = record.LastModified, Owner = owner });
            }
            else
            {
                versions.Add(new ObjectVersion
                {
                    Key = key,
                    VersionId = record.ListedVersionId,
                    IsLatest = isLatest,
                    LastModified = record.LastModified,
                    ETag = record.ETag,
                    Size = record.Size,
                    StorageClass = new StorageClass(record.Properties.StorageClass),
                    Owner = owner,
                });
            }
        }

        // The next page starts after the last entry (its key and version), or after a whole group (no version marker).
        var (last, lastPrefix) = page.Last;
        var truncated = page.IsTruncated;
        (string Key, string VersionId) next = lastPrefix is not null ? (lastPrefix, string.Empty) : (last.Record?.Key ?? string.Empty, last.Record?.ListedVersionId ?? string.Empty);
        var prefixes = page.CommonPrefixes;
        return Task.FromResult(new ListObjectVersionsResponse
        {
            Name = context.Bucket,
            EncodingType = encodingType is null ? (EncodingType?)null : new EncodingType(encodingType),
            Prefix = XmlChars.Listed(prefix, encodingType),
            KeyMarker = XmlChars.Listed(keyMarker, encodingType),
            VersionIdMarker = versionIdMarker,
            MaxKeys = maxKeys,
            Delimiter = delimiter.Length > 0 ? XmlChars.Listed(delimiter, encodingType) : null,
            IsTruncated = truncated,
            NextKeyMarker = truncated ? XmlChars.Listed(next.Key!, encodingType) : null,
            NextVersionIdMarker = truncated ? next.VersionId : null,
            CommonPrefixes = prefixes.Select(p => new CommonPrefix { Prefix = XmlChars.Listed(p, encodingType) }).ToList(),
            Versions = versions,
            DeleteMarkers = markers,
        });
    }
}
