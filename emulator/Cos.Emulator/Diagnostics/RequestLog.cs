using Cos.Emulator.Routing;

namespace Cos.Emulator.Diagnostics;

/// <summary>
/// The most recent requests that reached the emulator (at most <see cref="Capacity"/>; the oldest are dropped
/// first, so long benchmarks do not grow it), for tests that must know what was sent. Thread-safe. An entry
/// is added when a request arrives, so a test sees it as soon as the client has sent it, and completed with
/// its status when the emulator is done with it. <see cref="WaitForAsync"/> waits for an entry without polling.
/// </summary>
public sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly Queue<Entry> _entries = new();
    private readonly List<Waiter> _waiters = [];
    private readonly TimeProvider _time;
    private long _sequence;

    /// <summary>Creates a log that keeps the last <paramref name="capacity"/> requests; 0 keeps none.</summary>
    internal RequestLog(int capacity, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The most requests kept; 0 when the log is off.</summary>
    public int Capacity { get; }

    /// <summary>How many requests arrived since the emulator started (including dropped and cleared ones).</summary>
    public long Total => Interlocked.Read(ref _sequence);

    /// <summary>The requests kept, oldest first: a copy that later requests do not change.</summary>
    public IReadOnlyList<LoggedRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries.Select(e => e.ToRecord())];
        }
    }

    /// <summary>
    /// The first kept request that matches, as soon as one does: checked now and again on every arrival, routing
    /// and completion, so a test waits on the emulator's own progress instead of polling against a clock.
    /// </summary>
    public Task<LoggedRequest> WaitForAsync(Func<LoggedRequest, bool> match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        var waiter = new Waiter(match);
        lock (_gate)
        {
            if (Find(match) is { } found)
            {
                return Task.FromResult(found);
            }

            _waiters.Add(waiter);
        }

        waiter.Cancellation = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            waiter.Result.TrySetCanceled(cancellationToken);
        });
        return waiter.Result.Task;
    }

    /// <summary>Forgets the requests kept so far (the sequence numbers keep counting).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>Records an arriving request; null when the log is off.</summary>
    internal Entry? Begin(string method, string rawTarget)
    {
        if (Capacity == 0)
        {
            return null;
        }

        var queryStart = rawTarget.IndexOf('?');
        var entry = new Entry(this)
        {
            Time = _time.GetUtcNow(),
            Method = method,
            Path = CosRouter.Decode(queryStart < 0 ? rawTarget : rawTarget[..queryStart]),
            Query = queryStart < 0 ? [] : CosRouter.ParseQuery(rawTarget[(queryStart + 1)..]),
        };
        lock (_gate)
        {
            entry.Sequence = ++_sequence;
            _entries.Enqueue(entry);
            while (_entries.Count > Capacity)
            {
                _entries.Dequeue();
            }
        }

        Changed();
        return entry;
    }

    /// <summary>Completes the waiters that an entry's change satisfied; called outside every entry's lock.</summary>
    private void Changed()
    {
        List<(Waiter Waiter, LoggedRequest Found)>? satisfied = null;
        lock (_gate)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (Find(_waiters[i].Match) is { } found)
                {
                    (satisfied ??= []).Add((_waiters[i], found));
                    _waiters.RemoveAt(i);
                }
            }
        }

        // Outside the lock: the continuations run asynchronously anyway, and a disposed registration needs no lock.
        foreach (var (waiter, found) in satisfied ?? [])
        {
            waiter.Cancellation.Dispose();
            waiter.Result.TrySetResult(found);
        }
    }

    /// <summary>The first kept entry that matches; the caller holds <see cref="_gate"/>.</summary>
    private LoggedRequest? Find(Func<LoggedRequest, bool> match)
    {
        foreach (var entry in _entries)
        {
            var record = entry.ToRecord();
            if (match(record))
            {
                return record;
            }
        }

        return null;
    }

    private sealed class Waiter(Func<LoggedRequest, bool> match)
    {
        public Func<LoggedRequest, bool> Match { get; } = match;

        public TaskCompletionSource<LoggedRequest> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Cancellation { get; set; }
    }

    /// <summary>One request as it is being handled; routing and completion happen on the request's thread while snapshots read.</summary>
    internal sealed class Entry(RequestLog log)
    {
        private readonly Lock _gate = new();

        public long Sequence { get; set; }

        public DateTimeOffset Time { get; init; }

        public required string Method { get; init; }

        public required string Path { get; init; }

        public required IReadOnlyList<KeyValuePair<string, string>> Query { get; init; }

        private string? _bucket;
        private string _key = string.Empty;
        private string? _operation;
        private int? _status;
        private bool _aborted;

        /// <summary>Adds what the router found.</summary>
        public void Routed(CosRoute route, string? operation)
        {
            lock (_gate)
            {
                _bucket = route.Bucket;
                _key = route.Key;
                _operation = operation;
            }

            log.Changed();
        }

        /// <summary>Marks the request handled, with the status sent (or about to be) and whether the connection was dropped.</summary>
        public void Complete(int statusCode, bool aborted)
        {
            lock (_gate)
            {
                _status = statusCode;
                _aborted = aborted;
            }

            log.Changed();
        }

        public LoggedRequest ToRecord()
        {
            lock (_gate)
            {
                return new LoggedRequest
                {
                    Sequence = Sequence,
                    Time = Time,
                    Method = Method,
                    Path = Path,
                    Query = Query,
                    Bucket = _bucket,
                    Key = _key,
                    Operation = _operation,
                    StatusCode = _status,
                    Aborted = _aborted,
                };
            }
        }
    }
}
