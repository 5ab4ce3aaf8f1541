using Microsoft.Win32.SafeHandles;

namespace Cos.Generated.Transfer;

/// <summary>
/// A part of a file, read at its offsets straight from the handle (no buffering, no shared file position), so parallel
/// parts share one handle and a retried part seeks back to its start. Read-only; the handle is not disposed.
/// </summary>
internal sealed class FileSegmentStream(SafeFileHandle file, long offset, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = RandomAccess.Read(file, buffer[..Want(buffer.Length)], offset + _position);
        return Advance(read, buffer.Length);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await RandomAccess.ReadAsync(file, buffer[..Want(buffer.Length)], offset + _position, cancellationToken).ConfigureAwait(false);
        return Advance(read, buffer.Length);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Want(int asked) => (int)Math.Min(asked, length - _position);

    private int Advance(int read, int asked)
    {
        if (read == 0 && asked > 0 && _position < length)
        {
            throw new IOException($"The file ended at {offset + _position} bytes; it changed during the upload.");
        }

        _position += read;
        return read;
    }
}
