namespace Cos.Generated.Credentials;

/// <summary>
/// Settings of <see cref="HttpTemporaryCredentialProvider"/> and <see cref="HttpAuthorizationProvider"/>:
/// how long to wait for the backend, how often to retry, and the HTTP handler to send through.
/// </summary>
public sealed record HttpCredentialProviderOptions
{
    /// <summary>The most retries <see cref="MaxRetries"/> may ask for.</summary>
    public const int MaxRetriesLimit = 10;

    /// <summary>The time limit of one call to the backend (default 10 s); positive or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a call is retried after a timeout, a network error, a 5xx or a 429 (default 2; 0–10). Bad answers are not retried.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>The wait before the first retry, doubled before each further one (default 200 ms; ≥ 0).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The handler calls are sent through (for example one that adds the backend's own authentication); not
    /// disposed by the provider. Default: a new <see cref="SocketsHttpHandler"/> owned by the provider.
    /// </summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>The clock of timeouts, retry delays and key expiry (default <see cref="System.TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Timeout != System.Threading.Timeout.InfiniteTimeSpan && (Timeout <= TimeSpan.Zero || Timeout.TotalMilliseconds > int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Timeout must be positive (at most about 24.8 days) or Timeout.InfiniteTimeSpan.");
        }

        if (MaxRetries is < 0 or > MaxRetriesLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, $"MaxRetries must be between 0 and {MaxRetriesLimit}.");
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryDelay), RetryDelay, "RetryDelay cannot be negative (or above about 24.8 days).");
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("TimeProvider cannot be null.", nameof(TimeProvider));
        }
    }
}
