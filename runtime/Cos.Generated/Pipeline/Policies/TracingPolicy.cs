namespace Cos.Generated.Pipeline.Policies;

/// <summary>Per call: one client activity per operation, covering all its tries (<see cref="CosClientOptions.EnableTracker"/>).</summary>
internal sealed class TracingPolicy : CosPipelinePolicy
{
    public override async ValueTask ProcessAsync(CosMessage message, ReadOnlyMemory<CosPipelinePolicy> next)
    {
        using var activity = CosTracing.Start(message.Request, message.Endpoint);
        if (activity is null)
        {
            await ProcessNextAsync(message, next).ConfigureAwait(false);
            return;
        }

        try
        {
            await ProcessNextAsync(message, next).ConfigureAwait(false);
            CosTracing.Stop(activity, message.Attempt + 1, message.Response.StatusCode, message.Response.RequestId, null);
        }
        catch (Exception ex)
        {
            CosTracing.Stop(activity, message.Attempt + 1, message.Response.StatusCode, message.Response.RequestId, ex);
            throw;
        }
    }
}
