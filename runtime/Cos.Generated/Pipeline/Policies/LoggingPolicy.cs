using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Cos.Generated.Pipeline.Policies;

/// <summary>
/// Per call: logs the operation's start and its end (status, attempts, request id, duration) at Debug
/// (<see cref="CosLog"/>); does nothing while Debug is off. Paths are logged without their query.
/// </summary>
internal sealed class LoggingPolicy(ILogger logger) : CosPipelinePolicy
{
    public override async ValueTask ProcessAsync(CosMessage message, ReadOnlyMemory<CosPipelinePolicy> next)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            await ProcessNextAsync(message, next).ConfigureAwait(false);
            return;
        }

        var request = message.Request;
        CosLog.RequestStarting(logger, request.OperationName, request.Method.Method, request.Bucket, message.Endpoint.Uri.AbsolutePath);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, next).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            CosLog.RequestFailed(logger, request.OperationName, request.Bucket, request.Key, CosMetrics.ErrorType(ex), message.Response.StatusCode, message.Attempt + 1, Stopwatch.GetElapsedTime(started).TotalMilliseconds, message.Response.RequestId);
            throw;
        }

        CosLog.RequestCompleted(logger, request.OperationName, request.Bucket, request.Key, message.Response.StatusCode, message.Attempt + 1, Stopwatch.GetElapsedTime(started).TotalMilliseconds, message.Response.RequestId);
    }
}
