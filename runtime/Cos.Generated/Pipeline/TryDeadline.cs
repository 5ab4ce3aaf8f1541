namespace Cos.Generated.Pipeline;

/// <summary>Why a try was cut short by the pipeline rather than by the caller.</summary>
internal enum TryCutReason
{
    None,

    /// <summary>No connection or no response headers within the wait allowed.</summary>
    NoResponse,

    /// <summary>The server stopped taking the request body, or took it too slowly.</summary>
    RequestBodyStalled,
}

/// <summary>
/// The token of one try: canceled by the caller's token, by the timer armed for the wait in progress (connection and
/// response headers), or by a guard that saw a body stall; it remembers which, so the failure can say so.
/// </summary>
internal sealed class TryDeadline : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly CancellationTokenRegistration _caller;
    private readonly ITimer _timer;
    private int _reason;

    public TryDeadline(CancellationToken caller, TimeProvider time)
    {
        _caller = caller.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), _source);
        _timer = time.CreateTimer(static state => ((TryDeadline)state!).Cut(TryCutReason.NoResponse), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public CancellationToken Token => _source.Token;

    /// <summary>Why the try was cut; <see cref="TryCutReason.None"/> while it was not (or only the caller canceled).</summary>
    public TryCutReason Reason => (TryCutReason)Volatile.Read(ref _reason);

    /// <summary>The wait now allowed, from now; infinite disarms.</summary>
    public TimeSpan Armed { get; private set; } = Timeout.InfiniteTimeSpan;

    /// <summary>Cuts the try with <see cref="TryCutReason.NoResponse"/> unless it moves on within <paramref name="wait"/>.</summary>
    public void Arm(TimeSpan wait)
    {
        Armed = wait;
        _timer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Stops the timer: another guard watches what comes next (a request body being sent).</summary>
    public void Disarm() => Arm(Timeout.InfiniteTimeSpan);

    /// <summary>Cancels the try (closing its connection), remembering the first reason given.</summary>
    public void Cut(TryCutReason reason)
    {
        if (Interlocked.CompareExchange(ref _reason, (int)reason, 0) == 0)
        {
            try
            {
                _source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The try is over already.
            }
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _caller.Dispose();
        _source.Dispose();
    }
}
