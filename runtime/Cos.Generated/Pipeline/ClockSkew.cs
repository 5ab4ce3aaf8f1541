namespace Cos.Generated.Pipeline;

/// <summary>
/// The offset between the server's clock and ours, learnt from a 403 <c>RequestTimeTooSkewed</c>
/// (or <c>AccessDenied</c> "Request has expired") and shared by every later request of the client.
/// </summary>
internal sealed class ClockSkew(TimeProvider timeProvider)
{
    private long _offsetTicks;

    /// <summary>Server time minus local time; zero until a skew error was seen.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>The local clock corrected by <see cref="Offset"/>: the time to sign with.</summary>
    public DateTimeOffset Now => timeProvider.GetUtcNow() + Offset;

    /// <summary>True for the errors COS returns when a signature's time is off.</summary>
    public static bool IsSkewError(CosException error) =>
        error.StatusCode == 403
        && (error.ErrorCode == "RequestTimeTooSkewed"
            || (error.ErrorCode == "AccessDenied" && error.ErrorMessage?.Contains("Request has expired", StringComparison.OrdinalIgnoreCase) == true));

    /// <summary>Adopts the server's clock: <paramref name="serverTime"/> is its <c>Date</c> header.</summary>
    public void Adjust(DateTimeOffset serverTime) =>
        Interlocked.Exchange(ref _offsetTicks, (serverTime - timeProvider.GetUtcNow()).Ticks);
}
