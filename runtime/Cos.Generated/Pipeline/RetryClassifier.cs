using Cos.Generated.Protocol;

namespace Cos.Generated.Pipeline;

/// <summary>
/// The one rule for which failures are worth another try, used by the pipeline's retries, a multipart upload's
/// Complete and a download's ranges alike.
/// </summary>
internal static class RetryClassifier
{
    /// <summary>
    /// ReadOnly and Idempotent operations retry broken connections, timeouts and stalls, 5xx, 408, 429, the error
    /// codes the spec marks retryable (even inside a 200) and a CRC-64 that does not match what was sent. Conditional
    /// and Unsafe operations retry only when no connection could be made, or on 503 SlowDown (nothing was done).
    /// A changed source, an unreadable answer, a credential failure and a cancel are never retried.
    /// <paramref name="retryableCode"/> is the operation's spec's own rule for retryable codes, if any.
    /// </summary>
    public static bool IsRetryable(Exception failure, CosOperationSafety safety, Func<string?, bool>? retryableCode = null)
    {
        var repeatable = safety is CosOperationSafety.ReadOnly or CosOperationSafety.Idempotent;
        return failure switch
        {
            CosObjectChangedException or CosResponseFormatException => false,
            CosIntegrityException => repeatable,
            CosException { StatusCode: 503, ErrorCode: "SlowDown" } => true,
            CosException error => repeatable && (error.StatusCode >= 500 || error.StatusCode is 408 or 429 || CosErrorCodes.IsRetryable(error.ErrorCode) || retryableCode?.Invoke(error.ErrorCode) == true),
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            HttpRequestException or IOException or TimeoutException => repeatable,
            _ => false,
        };
    }
}
