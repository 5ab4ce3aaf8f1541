using Cos.Emulator.Errors;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// PUT and GET Bucket logging. A <c>LoggingEnabled</c> is kept as the document a GET returns; an empty
/// <c>BucketLoggingStatus</c> turns logging off, and a bucket without logging answers the empty root (200), as COS does.
/// The target bucket must exist: otherwise 400 <c>InvalidTargetBucketForLogging</c> (the S3 code; COS's documentation
/// names no code for it). No logs are written.
/// </summary>
internal sealed partial class CosOperationHandlers
{
    private const string LoggingName = "logging";

    private partial Task<PutBucketLoggingResponse> PutBucketLoggingAsync(PutBucketLoggingRequest request, OperationContext context)
    {
        RequireBucket(context);
        if (request.LoggingEnabled is not { } enabled)
        {
            context.Store.DeleteConfiguration(context.Bucket, string.Empty, LoggingName);
            return Task.FromResult(new PutBucketLoggingResponse());
        }

        if (string.IsNullOrEmpty(enabled.TargetBucket) || context.Store.GetBucket(enabled.TargetBucket) is null)
        {
            throw new CosErrorException(400, "InvalidTargetBucketForLogging", $"The target bucket for logging '{enabled.TargetBucket}' does not exist.");
        }

        context.Store.PutConfiguration(context.Bucket, string.Empty, LoggingName, PutBucketLoggingWire.Document(request));
        return Task.FromResult(new PutBucketLoggingResponse());
    }

    private partial Task<GetBucketLoggingResponse> GetBucketLoggingAsync(GetBucketLoggingRequest request, OperationContext context)
    {
        RequireBucket(context);
        var document = context.Store.GetConfiguration(context.Bucket, string.Empty, LoggingName);
        return Task.FromResult(document is null ? new GetBucketLoggingResponse() : GetBucketLoggingWire.FromDocument(document));
    }
}
