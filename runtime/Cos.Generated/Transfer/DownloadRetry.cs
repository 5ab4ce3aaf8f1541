using System.Net.Http;
using Cos.Generated.Pipeline;

namespace Cos.Generated.Transfer;

/// <summary>Part-level retries of copies and downloads: which failures are worth another try, and the wait between tries.</summary>
internal static class DownloadRetry
{
    /// <summary>True for server errors, throttling, timeouts and broken connections; false for client errors and cancellation by the caller.</summary>
    public static bool IsTransient(Exception failure, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested)
        {
            return false;
        }

        return failure switch
        {
            CosObjectChangedException or CosIntegrityException => false,
            CosException cos => cos.StatusCode >= 500 || cos.StatusCode is 408 or 429,
            HttpRequestException or IOException or TimeoutException => true,
            OperationCanceledException => true, // a per-try timeout, since the caller did not cancel
            _ => false,
        };
    }

    /// <summary>Waits before retry number <paramref name="retry"/> (1-based), with the client's backoff.</summary>
    public static Task DelayAsync(CosClientOptions options, int retry, CancellationToken ct) =>
        Task.Delay(RetryBackoff.GetDelay(options.RetryDelay, options.MaxRetryDelay, retry - 1, null), options.TimeProvider, ct);

    /// <summary>Formats an inclusive byte range header value.</summary>
    public static string Range(long start, long length) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"bytes={start}-{start + length - 1}");
}
