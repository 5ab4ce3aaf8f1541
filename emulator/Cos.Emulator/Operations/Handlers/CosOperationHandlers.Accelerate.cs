using Cos.Emulator.Errors;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// PUT and GET Bucket accelerate. The state is kept as the document a GET returns (the generated <c>Document</c>/<c>FromDocument</c>
/// of the pair); a bucket that never had global acceleration answers an empty <c>AccelerateConfiguration</c>, not an error,
/// as COS does. The emulator records the state only: there is no acceleration endpoint.
/// </summary>
internal sealed partial class CosOperationHandlers
{
    private const string AccelerateName = "accelerate";

    private partial Task<PutBucketAccelerateResponse> PutBucketAccelerateAsync(PutBucketAccelerateRequest request, OperationContext context)
    {
        RequireBucket(context);
        if (request.Status != AccelerateStatus.Enabled && request.Status != AccelerateStatus.Suspended)
        {
            throw CosErrors.MalformedXml($"The accelerate Status must be Enabled or Suspended, not '{request.Status.Value}'.");
        }

        if (request.Type is { } type && type != AccelerateType.Cos)
        {
            throw CosErrors.MalformedXml($"The accelerate Type must be COS, not '{type.Value}'.");
        }

        context.Store.PutConfiguration(context.Bucket, string.Empty, AccelerateName, PutBucketAccelerateWire.Document(request));
        return Task.FromResult(new PutBucketAccelerateResponse());
    }

    private partial Task<GetBucketAccelerateResponse> GetBucketAccelerateAsync(GetBucketAccelerateRequest request, OperationContext context)
    {
        RequireBucket(context);
        var document = context.Store.GetConfiguration(context.Bucket, string.Empty, AccelerateName);
        return Task.FromResult(document is null ? new GetBucketAccelerateResponse() : GetBucketAccelerateWire.FromDocument(document));
    }
}
