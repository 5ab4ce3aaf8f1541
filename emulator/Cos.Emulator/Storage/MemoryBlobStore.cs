using System.Collections.Concurrent;

namespace Cos.Emulator.Storage;

/// <summary>Blobs as lists of immutable memory segments; a concatenation shares its parts' segments.</summary>
internal sealed class MemoryBlobStore : IBlobStore
{
    private const int SegmentSize = 1024 * 1024;
    private readonly ConcurrentDictionary<string, ReadOnlyMemory<byte>[]> _blobs = new(StringComparer.Ordinal);

    public async Task<BlobInfo> WriteAsync(Stream source, bool md5Required, CancellationToken cancellationToken)
    {
        var segments = new List<ReadOnlyMemory<byte>>();
        byte[]? current = null;
        var used = 0;
        var (length, md5, crc) = await HashingCopier.CopyAsync(source, (block, _) =>
        {
            var span = block.Span;
            while (span.Length > 0)
            {
                if (current is null || used == current.Length)
                {
                    if (current is not null)
                    {
                        segments.Add(current);
                    }

                    current = new byte[SegmentSize];
                    used = 0;
                }

                var n = Math.Min(span.Length, current.Length - used);
                span[..n].CopyTo(current.AsSpan(used));
                used += n;
                span = span[n..];
            }

            return ValueTask.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        if (current is not null && used > 0)
        {
            segments.Add(current.AsMemory(0, used));
        }

        var id = Guid.NewGuid().ToString("N");
        _blobs[id] = [.. segments];
        return new BlobInfo { BlobId = id, Length = length, Md5 = md5, Crc64 = crc };
    }

    public Task<string> ConcatAsync(IReadOnlyList<(string BlobId, long Length)> parts, CancellationToken cancellationToken)
    {
        var segments = new List<ReadOnlyMemory<byte>>();
        foreach (var (blobId, _) in parts)
        {
            segments.AddRange(_blobs.TryGetValue(blobId, out var part) ? part : throw new FileNotFoundException($"Blob {blobId} is gone."));
        }

        var id = Guid.NewGuid().ToString("N");
        _blobs[id] = [.. segments];
        return Task.FromResult(id);
    }

    public Stream? OpenRead(string blobId, long length) =>
        _blobs.TryGetValue(blobId, out var segments) ? new SegmentStream(segments) : null;

    public void Delete(string blobId) => _blobs.TryRemove(blobId, out _);

    public IEnumerable<string> List() => _blobs.Keys;

    public void Dispose() => _blobs.Clear();
}

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
