using Cos.Generated.Protocol;

namespace Cos.Generated.Pipeline;

/// <summary>Decides whether a failed try may be repeated, from the operation's safety and the failure.</summary>
internal static class RetryClassifier
{
    /// <summary>
    /// ReadOnly and Idempotent operations retry network errors, per-try timeouts, 5xx and the
    /// error codes the spec marks retryable (even inside a 200). Conditional and Unsafe operations retry only
    /// when no connection could be made, or on 503 SlowDown. A body that cannot be replayed is never retried.
    /// </summary>
    public static bool IsRetryable(CosHttpRequest request, Exception failure)
    {
        if (request.Body is { CanReplay: false })
        {
            return false;
        }

        var repeatable = request.Safety is CosOperationSafety.ReadOnly or CosOperationSafety.Idempotent;
        return failure switch
        {
            CosResponseFormatException => false,
            CosException error when error.StatusCode == 503 && error.ErrorCode == "SlowDown" => true,
            CosException error => repeatable && (error.StatusCode >= 500 || CosErrorCodes.IsRetryable(error.ErrorCode)),
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            HttpRequestException => repeatable,
            IOException => repeatable,
            TimeoutException => repeatable,
            _ => false,
        };
    }
}
