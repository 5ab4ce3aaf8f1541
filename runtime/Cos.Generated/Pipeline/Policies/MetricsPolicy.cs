using System.Diagnostics;

namespace Cos.Generated.Pipeline.Policies;

/// <summary>
/// Per call: records the operation's duration, retries and body sizes on <see cref="CosMetrics"/>; does nothing while
/// no listener enabled those instruments.
/// </summary>
internal sealed class MetricsPolicy : CosPipelinePolicy
{
    public override async ValueTask ProcessAsync(CosMessage message, ReadOnlyMemory<CosPipelinePolicy> next)
    {
        if (!CosMetrics.OperationsEnabled)
        {
            await ProcessNextAsync(message, next).ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, next).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            CosMetrics.RecordOperation(message, Stopwatch.GetElapsedTime(started), ex);
            throw;
        }

        CosMetrics.RecordOperation(message, Stopwatch.GetElapsedTime(started), null);
    }
}
