namespace Cos.Emulator.Storage;

/// <summary>A read-only seekable stream over memory segments.</summary>
internal sealed class SegmentStream(ReadOnlyMemory<byte>[] segments) : Stream
{
    private readonly long _length = segments.Sum(s => (long)s.Length);
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, _length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var copied = 0;
        long start = 0;
        foreach (var segment in segments)
        {
            var end = start + segment.Length;
            if (_position < end && copied < buffer.Length)
            {
                var inner = (int)(_position - start);
                var n = Math.Min(segment.Length - inner, buffer.Length - copied);
                segment.Span.Slice(inner, n).CopyTo(buffer[copied..]);
                copied += n;
                _position += n;
            }

            start = end;
            if (copied == buffer.Length)
            {
                break;
            }
        }

        return copied;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => _length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
