using System.Buffers;

namespace Cos.Generated.Pipeline;

/// <summary>
/// A response body that fails with <see cref="CosStallTimeoutException"/> when one read waits longer than the stall
/// timeout for a byte, or when the bytes of a whole stall timeout average less than the minimum throughput (a server
/// dripping a byte a second). Only time spent inside a read counts, so a slow consumer is never taken for a stalled server.
/// The stall cancels the socket read (which closes the connection); the caller's own token still cancels as itself.
/// </summary>
internal sealed class StallTimeoutStream : Stream
{
    private readonly Stream _inner;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly string _operationName;

    /// <summary>Armed for one read at a time and reset after it, so reads do not each allocate a timer.</summary>
    private CancellationTokenSource? _stall;
    private ThroughputWindow _throughput;
    private long _received;
    private bool _stalled;

    private StallTimeoutStream(Stream inner, TimeSpan timeout, long minimumThroughput, TimeProvider time, string operationName)
    {
        _inner = inner;
        _timeout = timeout;
        _time = time;
        _operationName = operationName;
        _throughput = new ThroughputWindow(timeout, minimumThroughput, time);
    }

    /// <summary>Guards <paramref name="inner"/>, or returns it as it is when <paramref name="timeout"/> is infinite.</summary>
    public static Stream Wrap(Stream inner, TimeSpan timeout, long minimumThroughput, TimeProvider time, string operationName) =>
        timeout == Timeout.InfiniteTimeSpan ? inner : new StallTimeoutStream(inner, timeout, minimumThroughput, time, operationName);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_stalled)
        {
            throw Stalled(null);
        }

        var stall = _stall ??= new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        var callerCancels = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), stall)
            : default;
        stall.CancelAfter(_timeout);
        try
        {
            var read = await _inner.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
            _received += read;
            if (read > 0 && !_throughput.Add(read))
            {
                _stalled = true;
                throw Stalled(null);
            }

            return read;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
        {
            // The caller's cancel went through the stall source: report it as the caller's.
            throw ex is OperationCanceledException canceled && canceled.CancellationToken == cancellationToken
                ? ex
                : new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (Exception ex) when (stall.IsCancellationRequested && ex is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            _stalled = true;
            throw Stalled(ex);
        }
        finally
        {
            await callerCancels.DisposeAsync().ConfigureAwait(false);
            if (!stall.TryReset())
            {
                // It fired (maybe just as the read finished): start the next read with a fresh one.
                stall.Dispose();
                _stall = null;
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Synchronous reads wait on the asynchronous one: a blocking socket read could not be stopped.</summary>
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public override int Read(Span<byte> buffer)
    {
        var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            var read = Read(rented, 0, buffer.Length);
            rented.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stall?.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        _stall?.Dispose();
        await _inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private CosStallTimeoutException Stalled(Exception? inner) => new(_operationName, _timeout, _received, isRequestBody: false, inner);
}
