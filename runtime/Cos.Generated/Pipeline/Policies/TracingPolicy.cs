namespace Cos.Generated.Pipeline.Policies;

/// <summary>
/// Per call: one client activity per operation, covering all its tries, whenever the <see cref="CosTracing"/> source has
/// a listener; <see cref="CosClientOptions.EnableTracker"/> adds the request's path (which holds the object key).
/// </summary>
internal sealed class TracingPolicy(bool detailed) : CosPipelinePolicy
{
    public override async ValueTask ProcessAsync(CosMessage message, ReadOnlyMemory<CosPipelinePolicy> next)
    {
        using var activity = CosTracing.Source.HasListeners() ? CosTracing.Start(message.Request, message.Endpoint, detailed) : null;
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
