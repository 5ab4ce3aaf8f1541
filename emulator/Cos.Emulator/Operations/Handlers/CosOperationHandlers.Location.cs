using Cos.Emulator.Errors;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// GET Bucket location, and SELECT Object Content, which answers 501 NotImplemented until the emulator runs SQL and
/// frames events (listed in OperationCoverageTests.NotEmulated with that reason).
/// </summary>
internal sealed partial class CosOperationHandlers
{
    private partial Task<GetBucketLocationResponse> GetBucketLocationAsync(GetBucketLocationRequest request, OperationContext context)
    {
        var bucket = context.Store.GetBucket(context.Bucket) ?? throw CosErrors.NoSuchBucket();
        return Task.FromResult(new GetBucketLocationResponse { LocationConstraint = bucket.Region });
    }

    private partial Task<SelectObjectContentResponse> SelectObjectContentAsync(SelectObjectContentRequest request, OperationContext context) =>
        throw CosErrors.NotImplemented("SELECT Object Content");
}
