using System.Buffers;
using System.Net;
using Cos.Generated.Integrity;
using Cos.Generated.Protocol;
using Microsoft.Win32.SafeHandles;

namespace Cos.Generated.Transfer;

/// <summary>
/// A part's request body — bytes in memory, or a segment of a file read at its offset — that counts what
/// reaches the socket into a <see cref="ProgressThrottle"/> in 1 MiB slices, so progress moves within a part
/// (256 KiB slices cost about a third more CPU per GiB against the emulator). A new try first takes back
/// what the previous try counted; <see cref="Rewind"/> does the same when a try fails. A file segment is
/// hashed as it is sent (<see cref="SentCrc64"/>), so it is read once per try.
/// </summary>
internal sealed class ProgressBody : CosRequestBody
{
    private const int SliceBytes = 1024 * 1024;

    private readonly ReadOnlyMemory<byte> _data;
    private readonly SafeFileHandle? _file;
    private readonly long _offset;
    private readonly long _length;
    private readonly ProgressThrottle _progress;
    private Content? _current;

    public ProgressBody(ReadOnlyMemory<byte> data, ProgressThrottle progress)
    {
        _data = data;
        _length = data.Length;
        _progress = progress;
    }

    public ProgressBody(SafeFileHandle file, long offset, long length, ProgressThrottle progress)
    {
        _file = file;
        _offset = offset;
        _length = length;
        _progress = progress;
    }

    public override long? Length => _length;

    public override bool CanReplay => true;

    /// <summary>The CRC-64 of the file segment the last try sent in full; null for bytes in memory or an incomplete try.</summary>
    public ulong? SentCrc64 => Volatile.Read(ref _current)?.SentCrc64;

    /// <summary>Takes back the bytes counted by the last try; anything it still writes is no longer counted.</summary>
    public void Rewind() => Volatile.Read(ref _current)?.Retire();

    internal override HttpContent CreateContent(int attempt)
    {
        var content = new Content(this);
        Interlocked.Exchange(ref _current, content)?.Retire();
        return content;
    }

    /// <summary>One try's content: it counts its own bytes, so a try retired while still writing cannot count twice.</summary>
    private sealed class Content(ProgressBody owner) : HttpContent
    {
        private readonly Lock _gate = new();
        private long _counted;
        private bool _retired;

        public ulong? SentCrc64 { get; private set; }

        public void Retire()
        {
            lock (_gate)
            {
                if (_retired)
                {
                    return;
                }

                _retired = true;
                if (_counted != 0)
                {
                    owner._progress.Add(-_counted);
                    _counted = 0;
                }
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            owner._file is { } file ? WriteFileAsync(file, stream, cancellationToken) : WriteMemoryAsync(stream, cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = owner._length;
            return true;
        }

        private void Count(int bytes)
        {
            lock (_gate)
            {
                if (!_retired)
                {
                    _counted += bytes;
                    owner._progress.Add(bytes);
                }
            }
        }

        private async Task WriteMemoryAsync(Stream stream, CancellationToken cancellationToken)
        {
            var remaining = owner._data;
            while (!remaining.IsEmpty)
            {
                var slice = remaining[..Math.Min(SliceBytes, remaining.Length)];
                await stream.WriteAsync(slice, cancellationToken).ConfigureAwait(false);
                remaining = remaining[slice.Length..];
                Count(slice.Length);
            }
        }

        private async Task WriteFileAsync(SafeFileHandle file, Stream stream, CancellationToken cancellationToken)
        {
            var crc = CosCrc64.Create();
            var buffer = ArrayPool<byte>.Shared.Rent(SliceBytes);
            try
            {
                long done = 0;
                while (done < owner._length)
                {
                    var want = (int)Math.Min(SliceBytes, owner._length - done);
                    var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, want), owner._offset + done, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw new IOException($"The file ended at {owner._offset + done} bytes; it changed during the upload.");
                    }

                    crc.Append(buffer.AsSpan(0, read));
                    await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    done += read;
                    Count(read);
                }

                SentCrc64 = crc.GetCurrentHashAsUInt64();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
