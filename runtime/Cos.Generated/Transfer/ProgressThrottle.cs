namespace Cos.Generated.Transfer;

/// <summary>
/// Adds up transferred bytes from parallel parts and reports to an <see cref="IProgress{T}"/> at most once
/// per interval, plus whenever <see cref="Flush"/> is called (state changes, completion). Thread-safe.
/// </summary>
internal sealed class ProgressThrottle
{
    private readonly IProgress<CosTransferProgress>? _progress;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly long _started;
    private readonly long? _total;
    private readonly Lock _gate = new();
    private long _loaded;
    private long _lastReport = long.MinValue;

    public ProgressThrottle(IProgress<CosTransferProgress>? progress, long? total, TimeSpan interval, TimeProvider time, long alreadyLoaded = 0)
    {
        _progress = progress;
        _total = total;
        _interval = interval;
        _time = time;
        _started = time.GetTimestamp();
        _loaded = alreadyLoaded;
    }

    /// <summary>Bytes counted so far.</summary>
    public long Loaded => Interlocked.Read(ref _loaded);

    /// <summary>Counts <paramref name="bytes"/> (negative to take back the bytes of a failed try) and reports if the interval has passed.</summary>
    public void Add(long bytes)
    {
        Interlocked.Add(ref _loaded, bytes);
        if (_progress is null)
        {
            return;
        }

        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (_lastReport != long.MinValue && _time.GetElapsedTime(_lastReport, now) < _interval)
            {
                return;
            }

            _lastReport = now;

            // Reported under the lock, so reports from parallel parts never go backwards.
            Report(now);
        }
    }

    /// <summary>Reports now, whatever the interval.</summary>
    public void Flush()
    {
        if (_progress is null)
        {
            return;
        }

        var now = _time.GetTimestamp();
        lock (_gate)
        {
            _lastReport = now;
            Report(now);
        }
    }

    private void Report(long now)
    {
        var seconds = _time.GetElapsedTime(_started, now).TotalSeconds;
        var loaded = Loaded;
        _progress!.Report(new CosTransferProgress(loaded, _total, seconds > 0 ? Math.Round(loaded / seconds, 2) : 0));
    }
}
