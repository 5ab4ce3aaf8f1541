using System.Diagnostics;

namespace Cos.Generated.Pipeline.Policies;

/// <summary>
/// Per call: records the operation's duration, retries and body sizes on the client's <see cref="CosInstruments"/>; does nothing while
/// no listener enabled those instruments.
/// </summary>
internal sealed class MetricsPolicy(CosInstruments instruments) : CosPipelinePolicy
{
    public override async ValueTask ProcessAsync(CosMessage message, ReadOnlyMemory<CosPipelinePolicy> next)
    {
        if (!instruments.OperationsEnabled)
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
            instruments.RecordOperation(message, Stopwatch.GetElapsedTime(started), ex);
            throw;
        }

        instruments.RecordOperation(message, Stopwatch.GetElapsedTime(started), null);
    }
}
