using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Cos.Emulator.Faults;

/// <summary>
/// Wraps a request or response body: aborts the connection after a byte count, throttles, and/or stalls
/// (stops moving bytes, without closing the connection) after <paramref name="stallAfter"/> bytes until the
/// client goes away.
/// </summary>
internal sealed class FaultStream(Stream inner, HttpContext context, long? resetAfter, long? bytesPerSecond, long? stallAfter = null, CancellationToken stopping = default) : Stream
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _bytes;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _bytes;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await StallIfDueAsync();
        var allowed = Allowed(buffer.Length);
        var read = await inner.ReadAsync(buffer[..allowed], cancellationToken);
        await AccountAsync(read, cancellationToken);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (buffer.Length > 0)
        {
            await StallIfDueAsync();
            var n = Allowed(buffer.Length);
            await inner.WriteAsync(buffer[..n], cancellationToken);
            buffer = buffer[n..];
            await AccountAsync(n, cancellationToken);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>
    /// Small enough to stop exactly at the reset point and to throttle smoothly: a twentieth of a second's worth of
    /// bytes, at least one, so that a slow rate is a drip (1 B/s sends a byte a second) rather than a burst followed
    /// by a long silence.
    /// </summary>
    private int Allowed(int requested)
    {
        var n = requested;
        if (resetAfter is { } limit)
        {
            n = (int)Math.Max(1, Math.Min(n, limit - _bytes));
        }

        if (bytesPerSecond is { } rate)
        {
            n = (int)Math.Max(1, Math.Min(n, rate / 20));
        }

        if (stallAfter is { } stall && _bytes < stall)
        {
            n = (int)Math.Min(n, stall - _bytes);
        }

        return n;
    }

    /// <summary>
    /// Once <c>stallAfter</c> bytes have passed: pushes out what was written (so the client has exactly those
    /// bytes), then waits without moving another byte until the connection is gone.
    /// </summary>
    private async ValueTask StallIfDueAsync()
    {
        if (stallAfter is not { } stall || _bytes < stall)
        {
            return;
        }

        if (inner.CanWrite)
        {
            await inner.FlushAsync(context.RequestAborted);
        }

        await ClientDeparture.WaitAsync(context, stopping);
    }

    private async ValueTask AccountAsync(int count, CancellationToken cancellationToken)
    {
        _bytes += count;
        if (resetAfter is { } limit && _bytes >= limit)
        {
            if (inner.CanWrite)
            {
                await inner.FlushAsync(cancellationToken);
            }

            context.Abort();
            throw new IOException($"Fault injected: connection reset after {_bytes} bytes.");
        }

        if (bytesPerSecond is { } rate && rate > 0)
        {
            var due = TimeSpan.FromSeconds((double)_bytes / rate);
            var wait = due - _clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
        }
    }
}
