using Cos.Emulator.Errors;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// Operations the spec gained with its vocabulary (root text, namespaced attributes, JSON documents, event streams).
/// GetBucketLocation is answered; the others answer 501 NotImplemented until the emulator models ACLs, policies and
/// Select (they are listed in OperationCoverageTests.NotEmulated with that reason).
/// </summary>
internal sealed partial class CosOperationHandlers
{
    private partial Task<GetBucketLocationResponse> GetBucketLocationAsync(GetBucketLocationRequest request, OperationContext context)
    {
        var bucket = context.Store.GetBucket(context.Bucket) ?? throw CosErrors.NoSuchBucket();
        return Task.FromResult(new GetBucketLocationResponse { LocationConstraint = bucket.Region });
    }

    private partial Task<PutBucketAclResponse> PutBucketAclAsync(PutBucketAclRequest request, OperationContext context) =>
        throw CosErrors.NotImplemented("PUT Bucket acl");

    private partial Task<GetBucketAclResponse> GetBucketAclAsync(GetBucketAclRequest request, OperationContext context) =>
        throw CosErrors.NotImplemented("GET Bucket acl");

    private partial Task<SelectObjectContentResponse> SelectObjectContentAsync(SelectObjectContentRequest request, OperationContext context) =>
        throw CosErrors.NotImplemented("SELECT Object Content");
}
