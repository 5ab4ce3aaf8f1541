using System.Net;

namespace Cos.Generated.Pipeline;

/// <summary>
/// A request body that notices when the server stops taking it: when one write (or flush) to the connection waits
/// longer than the stall timeout, <see cref="Stalled"/> is set and <c>abort</c> is canceled — the token of the send,
/// which closes the connection. The wrapped content and its headers (signed already) are sent unchanged.
/// </summary>
internal sealed class StallTimeoutContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _abort;
    private long _sent;
    private int _stalled;

    public StallTimeoutContent(HttpContent inner, TimeSpan timeout, TimeProvider time, CancellationTokenSource abort)
    {
        _inner = inner;
        _timeout = timeout;
        _time = time;
        _abort = abort;
        foreach (var (name, values) in inner.Headers.NonValidated)
        {
            Headers.TryAddWithoutValidation(name, values);
        }
    }

    /// <summary>True once a write waited longer than the stall timeout (and the send was aborted).</summary>
    public bool Stalled => Volatile.Read(ref _stalled) != 0;

    /// <summary>How many bytes of the body the connection took.</summary>
    public long BytesSent => Interlocked.Read(ref _sent);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using var timer = _time.CreateTimer(static state => ((StallTimeoutContent)state!).OnStall(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        await _inner.CopyToAsync(new WriteGuard(stream, this, timer), context, cancellationToken).ConfigureAwait(false);
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

    private void OnStall()
    {
        if (Interlocked.Exchange(ref _stalled, 1) == 0)
        {
            try
            {
                _abort.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The try is over already.
            }
        }
    }

    /// <summary>Times each write and flush to the connection; bytes taken are counted.</summary>
    private sealed class WriteGuard(Stream inner, StallTimeoutContent owner, ITimer timer) : Stream
    {
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
            timer.Change(owner._timeout, Timeout.InfiniteTimeSpan);
            try
            {
                await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            Interlocked.Add(ref owner._sent, buffer.Length);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            timer.Change(owner._timeout, Timeout.InfiniteTimeSpan);
            try
            {
                inner.Write(buffer);
            }
            finally
            {
                timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            Interlocked.Add(ref owner._sent, buffer.Length);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            timer.Change(owner._timeout, Timeout.InfiniteTimeSpan);
            try
            {
                await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
