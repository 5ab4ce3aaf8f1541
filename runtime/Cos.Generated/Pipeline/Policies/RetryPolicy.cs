using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;

namespace Cos.Generated.Pipeline.Policies;

/// <summary>
/// Runs the per-try policies again after a failure the <see cref="RetryClassifier"/> calls worth it, while the call's
/// retries (and its transfer's <see cref="RetryBudget"/>) last, after an exponential backoff with jitter that honours
/// <c>Retry-After</c>. A body that cannot be sent twice is tried once; the caller's cancel ends it at once.
/// </summary>
internal sealed class RetryPolicy(CosClientOptions options, ILogger logger) : CosPipelinePolicy
{
    public override async ValueTask ProcessAsync(CosMessage message, ReadOnlyMemory<CosPipelinePolicy> next)
    {
        for (var retries = 0; ; retries++)
        {
            message.StartTry();
            Exception failure;
            try
            {
                await ProcessNextAsync(message, next).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (!message.CancellationToken.IsCancellationRequested)
            {
                failure = ex;
            }

            if (retries >= message.MaxRetries
                || message.Request.Body is { CanReplay: false }
                || !RetryClassifier.IsRetryable(failure, message.Request.Safety, message.Request.IsRetryableErrorCode)
                || message.RetryBudget?.TryTake() == false)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            var delay = RetryBackoff.GetDelay(options.RetryDelay, options.MaxRetryDelay, retries, message.Response.RetryAfter);
            if (logger.IsEnabled(LogLevel.Information))
            {
                CosLog.Retrying(logger, message.Request.OperationName, CosMetrics.ErrorType(failure), message.Response.StatusCode, message.Response.RequestId, retries + 1, message.MaxRetries, delay.TotalMilliseconds);
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, options.TimeProvider, message.CancellationToken).ConfigureAwait(false);
            }

            message.Attempt++;
            message.Retries++;
        }
    }
}
