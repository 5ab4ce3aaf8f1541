using Cos.Emulator.Errors;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// PUT and GET Bucket versioning. The state is kept as the document a GET returns (the generated <c>Document</c>/<c>FromDocument</c>
/// of the pair); a bucket that never had versioning answers an empty <c>VersioningConfiguration</c>, not an error, as COS does.
/// The emulator records the state only: objects are not versioned yet.
/// </summary>
internal sealed partial class CosOperationHandlers
{
    private const string VersioningName = "versioning";

    private partial Task<PutBucketVersioningResponse> PutBucketVersioningAsync(PutBucketVersioningRequest request, OperationContext context)
    {
        RequireBucket(context);
        if (request.Status != BucketVersioningStatus.Enabled && request.Status != BucketVersioningStatus.Suspended)
        {
            throw CosErrors.MalformedXml($"The versioning Status must be Enabled or Suspended, not '{request.Status.Value}'.");
        }

        context.Store.PutConfiguration(context.Bucket, string.Empty, VersioningName, PutBucketVersioningWire.Document(request));
        return Task.FromResult(new PutBucketVersioningResponse());
    }

    private partial Task<GetBucketVersioningResponse> GetBucketVersioningAsync(GetBucketVersioningRequest request, OperationContext context)
    {
        RequireBucket(context);
        var document = context.Store.GetConfiguration(context.Bucket, string.Empty, VersioningName);
        return Task.FromResult(document is null ? new GetBucketVersioningResponse() : GetBucketVersioningWire.FromDocument(document));
    }
}
