namespace Cos.Generated.Pipeline;

/// <summary>Exponential backoff with full jitter, honouring (capped) <c>Retry-After</c>.</summary>
internal static class RetryBackoff
{
    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (0 for the first): a random time up to
    /// <c>min(maxDelay, baseDelay·2^retry)</c>, or at least <paramref name="retryAfter"/> capped at <paramref name="maxDelay"/>.
    /// </summary>
    public static TimeSpan GetDelay(TimeSpan baseDelay, TimeSpan maxDelay, int retry, TimeSpan? retryAfter)
    {
        var ceiling = baseDelay.Ticks * Math.Pow(2, Math.Min(retry, 30));
        var cap = Math.Min(maxDelay.Ticks, ceiling);
        var delay = TimeSpan.FromTicks((long)(cap * Random.Shared.NextDouble()));
        if (retryAfter is { } after && after > delay)
        {
            delay = after < maxDelay ? after : maxDelay;
        }

        return delay;
    }

    /// <summary>Waits before retry number <paramref name="retry"/> (0 for the first) with the client's backoff.</summary>
    public static Task DelayAsync(CosClientOptions options, int retry, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var delay = GetDelay(options.RetryDelay, options.MaxRetryDelay, retry, retryAfter);
        return delay > TimeSpan.Zero ? Task.Delay(delay, options.TimeProvider, cancellationToken) : Task.CompletedTask;
    }
}
