namespace Cos.Generated.Pipeline;

/// <summary>
/// One step of the pipeline (the shape of Azure.Core's <c>HttpPipelinePolicy</c>): does its one thing around
/// the rest of the pipeline (its <c>next</c> policies), which it may call once, several times (retries) or not at all.
/// </summary>
internal abstract class CosPipelinePolicy
{
    public abstract ValueTask ProcessAsync(CosMessage message, ReadOnlyMemory<CosPipelinePolicy> next);

    /// <summary>Runs the rest of the pipeline.</summary>
    protected static ValueTask ProcessNextAsync(CosMessage message, ReadOnlyMemory<CosPipelinePolicy> next) =>
        next.Span[0].ProcessAsync(message, next[1..]);
}
