using System.Globalization;
using System.IO.Hashing;
using Cos.Generated.Integrity;

namespace Cos.Generated.Pipeline;

/// <summary>
/// A whole object's body that hashes what is read and, at its end, compares the CRC-64 with the one COS announced:
/// the read that reaches the end throws <see cref="CosIntegrityException"/> on a mismatch instead of returning 0, so
/// a caller that reads to the end cannot take corrupted bytes for the object. A body not read to its end is not checked.
/// </summary>
internal sealed class Crc64CheckingStream(Stream inner, ulong expected, string operationName, string? requestId) : Stream
{
    private readonly Crc64 _hash = CosCrc64.Create();
    private bool _checked;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Hashed(buffer.Span[..read], read, buffer.Length);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        return Hashed(buffer[..read], read, buffer.Length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

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
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Hashed(ReadOnlySpan<byte> bytes, int read, int asked)
    {
        if (read > 0)
        {
            _hash.Append(bytes);
            return read;
        }

        if (asked > 0 && !_checked)
        {
            _checked = true;
            var actual = _hash.GetCurrentHashAsUInt64();
            if (actual != expected)
            {
                throw new CosIntegrityException(
                    string.Create(CultureInfo.InvariantCulture, $"The {operationName} body read has CRC-64 {actual}, but COS reported {expected} for the object."),
                    expected,
                    actual,
                    requestId);
            }
        }

        return 0;
    }
}
