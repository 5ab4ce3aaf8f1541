using System.Diagnostics;
using Cos.Generated.Pipeline;

namespace Cos.Generated.Transfer;

/// <summary>
/// Wraps a high-level transfer (upload, download, copy): its milestones go to the client's log and its duration and
/// bytes to <see cref="CosMetrics"/>.
/// </summary>
internal static class TransferTelemetry
{
    public static async Task<T> RunAsync<T>(CosClient client, CosTransferDirection direction, string bucket, string key, Func<Task<T>> work, Func<T, long> size)
    {
        var logger = client.Pipeline.Logger;
        var logged = logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information);
        var metrics = client.Pipeline.Metrics;
        var measured = metrics.TransfersEnabled;
        if (!logged && !measured)
        {
            return await work().ConfigureAwait(false);
        }

        var name = CosMetrics.Name(direction);
        if (logged)
        {
            CosLog.TransferStarted(logger, name, bucket, key);
        }

        var started = Stopwatch.GetTimestamp();
        T result;
        try
        {
            result = await work().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var failedAfter = Stopwatch.GetElapsedTime(started);
            if (measured)
            {
                metrics.RecordTransfer(direction, failedAfter, null, ex);
            }

            if (logged)
            {
                CosLog.TransferFailed(logger, name, bucket, key, CosMetrics.ErrorType(ex), failedAfter.TotalMilliseconds);
            }

            throw;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var bytes = size(result);
        if (measured)
        {
            metrics.RecordTransfer(direction, elapsed, bytes, null);
        }

        if (logged)
        {
            CosLog.TransferCompleted(logger, name, bucket, key, bytes, elapsed.TotalMilliseconds, elapsed.TotalSeconds > 0 ? Math.Round(bytes / elapsed.TotalSeconds) : 0);
        }

        return result;
    }
}
