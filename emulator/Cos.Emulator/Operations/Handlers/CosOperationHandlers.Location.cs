using Cos.Emulator.Errors;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>GET Bucket location.</summary>
internal sealed partial class CosOperationHandlers
{
    private partial Task<GetBucketLocationResponse> GetBucketLocationAsync(GetBucketLocationRequest request, OperationContext context)
    {
        var bucket = context.Store.GetBucket(context.Bucket) ?? throw CosErrors.NoSuchBucket();
        return Task.FromResult(new GetBucketLocationResponse { LocationConstraint = bucket.Region });
    }
}
