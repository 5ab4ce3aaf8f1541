using Cos.Generated.Credentials;
using Microsoft.Extensions.Logging;

namespace Cos.Generated.Pipeline.Policies;

/// <summary>
/// Per try: when COS refuses a temporary key as expired or unknown although the provider still thought it good (its
/// validity ran out early, or clocks disagree), tells the provider (<see cref="ICosCredentialProvider.Invalidate"/>)
/// and tries once more with the fresh key it then gives; not counted as a retry. Once per call.
/// </summary>
internal sealed class StaleKeyPolicy(ICosCredentialProvider provider, ILogger logger) : CosPipelinePolicy
{
    public override async ValueTask ProcessAsync(CosMessage message, ReadOnlyMemory<CosPipelinePolicy> next)
    {
        try
        {
            await ProcessNextAsync(message, next).ConfigureAwait(false);
        }
        catch (CosException error) when (!message.KeyRefreshed
            && message.SignedWith is { SecurityToken: not null } stale
            && IsStaleKeyError(error)
            && message.Request.Body is not { CanReplay: false }
            && !message.CancellationToken.IsCancellationRequested)
        {
            provider.Invalidate(stale);
            CosLog.StaleKeyRefreshed(logger, message.Request.OperationName, CosMetrics.ErrorType(error));
            message.KeyRefreshed = true;
            message.Attempt++;
            message.StartTry();
            await ProcessNextAsync(message, next).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// COS's answers to a temporary key it no longer takes: 400 <c>ExpiredToken</c>, 403 <c>InvalidAccessKeyId</c>, or 403
    /// <c>AccessDenied</c> naming an expired key or token (not "Request has expired", which is a signature's time: clock skew).
    /// </summary>
    internal static bool IsStaleKeyError(CosException error) => error.ErrorCode switch
    {
        "ExpiredToken" or "InvalidAccessKeyId" or "TokenExpired" => true,
        "AccessDenied" => error.ErrorMessage is { } text
            && !text.Contains("Request has expired", StringComparison.OrdinalIgnoreCase)
            && text.Contains("expired", StringComparison.OrdinalIgnoreCase)
            && (text.Contains("key", StringComparison.OrdinalIgnoreCase) || text.Contains("token", StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };
}
