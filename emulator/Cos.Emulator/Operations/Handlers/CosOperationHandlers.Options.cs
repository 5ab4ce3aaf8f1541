using Cos.Emulator.Cors;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// OPTIONS Object, signed: the preflight the SDKs' <c>optionsObject</c> sends, answered from the same CORS rules as a
/// browser's unsigned preflight (the bucket's PUT Bucket cors), 403 when none allows it.
/// </summary>
internal sealed partial class CosOperationHandlers
{
    private partial Task<OptionsObjectResponse> OptionsObjectAsync(OptionsObjectRequest request, OperationContext context)
    {
        RequireBucket(context);
        var answer = new CorsHandler(context.Store)
            .Evaluate(context.Bucket, request.Origin, request.AccessControlRequestMethod, request.AccessControlRequestHeaders);
        context.Response.Headers.Vary = CorsHandler.PreflightVary;
        return Task.FromResult(new OptionsObjectResponse
        {
            AccessControlAllowOrigin = answer.AllowOrigin,
            AccessControlAllowMethods = answer.AllowMethods,
            AccessControlAllowHeaders = answer.AllowHeaders,
            AccessControlExposeHeaders = answer.ExposeHeaders,
            AccessControlMaxAge = answer.MaxAgeSeconds,
        });
    }
}
