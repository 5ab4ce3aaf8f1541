using System.Net;
using Cos.Generated.Protocol;

namespace Cos.Generated.Transfer;

/// <summary>
/// A request body over bytes in memory that counts what reaches the socket into a <see cref="ProgressThrottle"/>
/// in 1 MiB slices, so progress moves within a part (256 KiB slices cost about a third more CPU per GiB
/// against the emulator). A new try first takes back what the previous try counted;
/// <see cref="Rewind"/> does the same when a part fails for good.
/// </summary>
internal sealed class ProgressBody(ReadOnlyMemory<byte> data, ProgressThrottle progress) : CosRequestBody
{
    private const int SliceBytes = 1024 * 1024;

    private long _counted;

    public override long? Length => data.Length;

    public override bool CanReplay => true;

    /// <summary>Takes back the bytes counted by the last try.</summary>
    public void Rewind()
    {
        var counted = Interlocked.Exchange(ref _counted, 0);
        if (counted != 0)
        {
            progress.Add(-counted);
        }
    }

    internal override HttpContent CreateContent(int attempt) => new Content(this);

    private sealed class Content(ProgressBody owner) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            owner.Rewind();
            var remaining = owner.DataBytes;
            while (!remaining.IsEmpty)
            {
                var slice = remaining[..Math.Min(SliceBytes, remaining.Length)];
                await stream.WriteAsync(slice, cancellationToken).ConfigureAwait(false);
                remaining = remaining[slice.Length..];
                Interlocked.Add(ref owner._counted, slice.Length);
                owner.Progress.Add(slice.Length);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = owner.DataBytes.Length;
            return true;
        }
    }

    private ReadOnlyMemory<byte> DataBytes => data;

    private ProgressThrottle Progress => progress;
}
