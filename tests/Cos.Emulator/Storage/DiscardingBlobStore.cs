namespace Cos.Emulator.Storage;

/// <summary>Keeps no content (benchmarks): sizes, MD5 and CRC-64 are computed and kept by the caller; reads return zeros.</summary>
public sealed class DiscardingBlobStore : IBlobStore
{
    public async Task<BlobInfo> WriteAsync(Stream source, CancellationToken cancellationToken)
    {
        var (length, md5, crc) = await HashingCopier.CopyAsync(source, static (_, _) => ValueTask.CompletedTask, cancellationToken).ConfigureAwait(false);
        return new BlobInfo { BlobId = "discarded", Length = length, Md5 = md5, Crc64 = crc };
    }

    public Task<string> ConcatAsync(IReadOnlyList<(string BlobId, long Length)> parts, CancellationToken cancellationToken) => Task.FromResult("discarded");

    public Stream? OpenRead(string blobId, long length) => new ZeroStream(length);

    public void Delete(string blobId)
    {
    }

    public IEnumerable<string> List() => [];

    public void Dispose()
    {
    }

    private sealed class ZeroStream(long length) : Stream
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
            var n = (int)Math.Min(buffer.Length, length - _position);
            buffer[..n].Clear();
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

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
    }
}
