using Cos.Emulator.Errors;
using Cos.Emulator.Routing;
using Cos.Emulator.Storage;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>GET Service, PUT/HEAD/DELETE Bucket and GET Bucket (list objects).</summary>
internal sealed partial class CosOperationHandlers
{
    private partial Task<GetServiceResponse> GetServiceAsync(GetServiceRequest request, OperationContext context)
    {
        var buckets = context.Store.ListBuckets()
            .Where(b => string.IsNullOrEmpty(request.BucketRegion) || b.Region == request.BucketRegion)
            .Select(b => new BucketSummary { Name = b.Name, Location = b.Region, CreationDate = b.CreationDate, BucketType = "cos" })
            .ToList();
        return Task.FromResult(new GetServiceResponse { Owner = Owner(context), Buckets = buckets, IsTruncated = false });
    }

    private partial Task<PutBucketResponse> PutBucketAsync(PutBucketRequest request, OperationContext context)
    {
        if (!CosRouter.IsValidBucketName(context.Bucket))
        {
            throw CosErrors.InvalidBucketName(context.Bucket);
        }

        // An optional CreateBucketConfiguration (MAZ, OFS) is read and ignored. x-cos-tagging and the ACL headers become
        // the bucket's tagging and ACL, as PUT Bucket tagging and PUT Bucket acl would set them.
        var configurations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(request.Tagging))
        {
            configurations[TaggingName] = PutBucketTaggingWire.Document(new PutBucketTaggingRequest { Bucket = context.Bucket, TagSet = ParseTagging(request.Tagging, MaxBucketTags) });
        }

        var acl = new PutBucketAclRequest
        {
            Bucket = context.Bucket, Acl = request.Acl, GrantRead = request.GrantRead, GrantWrite = request.GrantWrite, GrantReadAcp = request.GrantReadAcp, GrantWriteAcp = request.GrantWriteAcp, GrantFullControl = request.GrantFullControl,
        };
        if (FromHeaders(acl, context) is { Count: > 1 } grants)
        {
            configurations[AclName] = PutBucketAclWire.Document(new PutBucketAclRequest { Bucket = context.Bucket, Owner = Owner(context), Grants = grants });
        }

        var bucket = new BucketRecord { Name = context.Bucket, Region = context.Route.Region ?? "ap-guangzhou", CreationDate = context.Now, Configurations = configurations };
        return context.Store.TryCreateBucket(bucket) ? Task.FromResult(new PutBucketResponse()) : throw CosErrors.BucketAlreadyExists();
    }

    private partial Task<HeadBucketResponse> HeadBucketAsync(HeadBucketRequest request, OperationContext context)
    {
        var bucket = context.Store.GetBucket(context.Bucket) ?? throw CosErrors.NoSuchBucket();
        return Task.FromResult(new HeadBucketResponse { BucketRegion = bucket.Region });
    }

    private partial Task<DeleteBucketResponse> DeleteBucketAsync(DeleteBucketRequest request, OperationContext context)
    {
        context.Store.DeleteBucket(context.Bucket);
        return Task.FromResult(new DeleteBucketResponse { StatusCode = 204 });
    }

    private partial Task<GetBucketResponse> GetBucketAsync(GetBucketRequest request, OperationContext context)
    {
        RequireBucket(context);
        var prefix = request.Prefix ?? string.Empty;
        var delimiter = request.Delimiter ?? string.Empty;
        var marker = request.Marker ?? string.Empty;
        var encodingType = CheckEncodingType(request.EncodingType);
        var maxKeys = PageSize(request.MaxKeys, "max-keys", 1000);

        var page = ListingPage<ObjectRecord>.Take(context.Store.ListObjects(context.Bucket, prefix, marker.Length == 0 ? null : marker), r => r.Key, prefix, delimiter, marker, maxKeys);
        var nextMarker = page.Last.CommonPrefix ?? page.Last.Entry?.Key;
        var truncated = page.IsTruncated;
        var contents = page.Entries;
        var prefixes = page.CommonPrefixes;
        var owner = Owner(context);
        return Task.FromResult(new GetBucketResponse
        {
            Name = context.Bucket,
            EncodingType = encodingType is null ? (EncodingType?)null : new EncodingType(encodingType),
            Prefix = XmlChars.Listed(prefix, encodingType),
            Marker = XmlChars.Listed(marker, encodingType),
            MaxKeys = maxKeys,
            Delimiter = delimiter.Length > 0 ? XmlChars.Listed(delimiter, encodingType) : null,
            IsTruncated = truncated,
            NextMarker = truncated && nextMarker is not null ? XmlChars.Listed(nextMarker, encodingType) : null,
            CommonPrefixes = prefixes.Select(p => new CommonPrefix { Prefix = XmlChars.Listed(p, encodingType) }).ToList(),
            Contents = contents.Select(record => new ObjectSummary
            {
                Key = XmlChars.Listed(record.Key, encodingType),
                LastModified = record.LastModified,
                ETag = record.ETag,
                Size = record.Size,
                Owner = owner,
                StorageClass = new StorageClass(record.Properties.StorageClass),
            }).ToList(),
        });
    }
}
