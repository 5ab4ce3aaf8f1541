using Cos.Emulator;
using Cos.Generated;
using Cos.Generated.Transfer;

namespace Cos.Transfer.Bench;

/// <summary>
/// Stores the all-zero objects the download cases fetch. The discarding store answers every GET with zeros, so
/// only an all-zero object has a recorded CRC-64 that matches what it serves. They are multipart uploads of 8 MiB
/// parts, as an object of this size would be: the ETag is then not an MD5, so AWSSDK.S3 does not compare one.
/// </summary>
internal static class ZeroObjects
{
    public static async Task StoreAsync(Workload workload, long size)
    {
        using var client = new CosClient(new CosClientOptions
        {
            SecretId = CosEmulatorOptions.DefaultSecretId,
            SecretKey = CosEmulatorOptions.DefaultSecretKey,
            Region = Workload.Region,
            Protocol = "http",
            ConnectTo = $"127.0.0.1:{workload.Port}",
        });
        await using var zeros = new ZeroStream(size);
        await client.UploadAsync(Workload.Bucket, Workload.ZeroKey(size), zeros, new CosUploadOptions { PartSize = BenchCase.PartSize, ParallelLimit = BenchCase.Parallel });
    }

    /// <summary>A seekable stream of <c>length</c> zero bytes.</summary>
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
