namespace Cos.Generated.Pipeline;

/// <summary>
/// Tells a body that keeps moving too slowly (a server dripping a byte a second) from one that moves: the bytes moved
/// over each window of the stall timeout must average at least the minimum throughput. Not thread-safe: a body is
/// read, or written, by one caller at a time.
/// </summary>
internal struct ThroughputWindow(TimeSpan window, long minimumBytesPerSecond, TimeProvider time)
{
    private long _started;
    private long _bytes;

    /// <summary>True when the check is off (no minimum, or no finite window).</summary>
    public readonly bool IsOff => minimumBytesPerSecond <= 0 || window == Timeout.InfiniteTimeSpan;

    /// <summary>Counts <paramref name="bytes"/> just moved; false when a whole window has passed below the minimum.</summary>
    public bool Add(long bytes)
    {
        if (IsOff)
        {
            return true;
        }

        var now = time.GetTimestamp();
        if (_started == 0)
        {
            _started = now;
        }

        _bytes += bytes;
        var elapsed = time.GetElapsedTime(_started, now);
        if (elapsed < window)
        {
            return true;
        }

        var fastEnough = _bytes >= minimumBytesPerSecond * elapsed.TotalSeconds;
        _started = now;
        _bytes = 0;
        return fastEnough;
    }
}
