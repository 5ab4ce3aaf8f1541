using System.IO.Hashing;
using System.Net;
using Cos.Generated.Integrity;
using Cos.Generated.Transfer;

namespace Cos.Generated.Pipeline;

/// <summary>
/// Watches a request body on its way to the connection, one try at a time: a write that waits longer than the stall
/// timeout, or a body moving below the minimum throughput, cuts the try (the server stopped taking it); bytes taken
/// are counted for upload progress (and taken back when the try fails) and, when the operation's response reports
/// the body's CRC-64, hashed. The wait for the connection is the deadline's until the first byte, and the wait for
/// the response headers is the deadline's again from the last. The wrapped content and its (signed) headers are
/// sent unchanged.
/// </summary>
internal sealed class RequestBodyGuard : HttpContent
{
    private readonly HttpContent _inner;
    private readonly TryDeadline _deadline;
    private readonly TimeSpan _stallTimeout;
    private readonly TimeSpan _headerWait;
    private readonly long _minimumThroughput;
    private readonly TimeProvider _time;
    private readonly ProgressThrottle? _counter;
    private readonly Lock _gate = new();
    private readonly Crc64? _hash;
    private long _sent;
    private long _counted;
    private bool _retired;
    private bool _complete;

    public RequestBodyGuard(HttpContent inner, TryDeadline deadline, TimeSpan stallTimeout, TimeSpan headerWait, long minimumThroughput, TimeProvider time, ProgressThrottle? counter, bool hash)
    {
        _inner = inner;
        _deadline = deadline;
        _stallTimeout = stallTimeout;
        _headerWait = headerWait;
        _minimumThroughput = minimumThroughput;
        _time = time;
        _counter = counter;
        _hash = hash ? CosCrc64.Create() : null;
        foreach (var (name, values) in inner.Headers.NonValidated)
        {
            Headers.TryAddWithoutValidation(name, values);
        }
    }

    /// <summary>How many bytes of the body the connection took.</summary>
    public long BytesSent => Interlocked.Read(ref _sent);

    /// <summary>The CRC-64 of the body, once it was sent whole and hashing was asked for; else null.</summary>
    public ulong? SentCrc64 => _complete && _hash is { } hash ? hash.GetCurrentHashAsUInt64() : null;

    /// <summary>Takes back the bytes this try counted (it failed); whatever it still writes is no longer counted.</summary>
    public void Retire()
    {
        lock (_gate)
        {
            _retired = true;
            TakeBackCounted();
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // The handler may send a body twice on one try (a pooled connection found closed): start the count again.
        lock (_gate)
        {
            TakeBackCounted();
        }

        Interlocked.Exchange(ref _sent, 0);
        _hash?.Reset();
        _complete = false;

        _deadline.Disarm();
        using var stall = _stallTimeout == Timeout.InfiniteTimeSpan
            ? null
            : _time.CreateTimer(static state => ((TryDeadline)state!).Cut(TryCutReason.RequestBodyStalled), _deadline, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        await _inner.CopyToAsync(new WriteGuard(stream, this, stall), context, cancellationToken).ConfigureAwait(false);
        _complete = true;
        _deadline.Arm(_headerWait);
    }

    protected override bool TryComputeLength(out long length)
    {
        var known = _inner.Headers.ContentLength;
        length = known ?? 0;
        return known is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void TakeBackCounted()
    {
        if (_counted != 0)
        {
            _counter!.Add(-_counted);
            _counted = 0;
        }
    }

    private void Taken(ReadOnlySpan<byte> bytes, ref ThroughputWindow throughput)
    {
        Interlocked.Add(ref _sent, bytes.Length);
        _hash?.Append(bytes);
        if (_counter is not null)
        {
            lock (_gate)
            {
                if (!_retired)
                {
                    _counted += bytes.Length;
                    _counter.Add(bytes.Length);
                }
            }
        }

        if (!throughput.Add(bytes.Length))
        {
            _deadline.Cut(TryCutReason.RequestBodyStalled);
        }
    }

    /// <summary>Times each write and flush to the connection and passes on what was taken.</summary>
    private sealed class WriteGuard(Stream inner, RequestBodyGuard owner, ITimer? stall) : Stream
    {
        private ThroughputWindow _throughput = new(owner._stallTimeout, owner._minimumThroughput, owner._time);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            stall?.Change(owner._stallTimeout, Timeout.InfiniteTimeSpan);
            try
            {
                await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                stall?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            owner.Taken(buffer.Span, ref _throughput);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            stall?.Change(owner._stallTimeout, Timeout.InfiniteTimeSpan);
            try
            {
                inner.Write(buffer);
            }
            finally
            {
                stall?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            owner.Taken(buffer, ref _throughput);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            stall?.Change(owner._stallTimeout, Timeout.InfiniteTimeSpan);
            try
            {
                await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                stall?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
