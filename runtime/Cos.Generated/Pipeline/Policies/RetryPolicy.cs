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

            var (switchHost, redirected) = BackupDecision(message, failure, retries);
            if (retries >= message.MaxRetries
                || message.Request.Body is { CanReplay: false }
                || !(redirected || RetryClassifier.IsRetryable(failure, message.Request.Safety, message.Request.IsRetryableErrorCode))
                || message.RetryBudget?.TryTake() == false)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            if (switchHost)
            {
                // Signed anew for the backup host by the signing policy, as every try is.
                message.Endpoint = message.BackupEndpoint!;
                if (logger.IsEnabled(LogLevel.Warning))
                {
                    CosLog.SwitchingToBackupHost(logger, message.Request.OperationName, CosMetrics.ErrorType(failure), message.Response.StatusCode, message.Endpoint.Host);
                }
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

    /// <summary>
    /// <see cref="CosClientOptions.AutoSwitchHost"/>, as the Node SDK decides it: whether the next try goes to the backup
    /// host (a failure that did not come from COS, on the default host, when that try is the last one allowed; a
    /// 301/302/307 without a request id at once), and whether the failure is such a redirect, which is retried only so.
    /// </summary>
    private static (bool SwitchHost, bool Redirected) BackupDecision(CosMessage message, Exception failure, int retries)
    {
        if (message.BackupEndpoint is null || message.OnBackupHost)
        {
            return (false, false);
        }

        var lastRetry = retries + 1 == message.MaxRetries;
        return failure switch
        {
            CosException { StatusCode: 301 or 302 or 307, RequestId: null } => (true, true),
            CosException { StatusCode: >= 500, RequestId: null } => (lastRetry, false),
            CosException => (false, false),
            HttpRequestException or IOException or TimeoutException => (lastRetry, false),
            _ => (false, false),
        };
    }
}
