using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Cos.Emulator.Storage;

/// <summary>
/// Blobs as lists of immutable memory segments; a concatenation shares its parts' segments. A blob costs about
/// its length: segments grow from <see cref="FirstSegmentSize"/> to <see cref="SegmentSize"/> as content arrives,
/// and the last one is trimmed to what it holds.
/// </summary>
internal sealed class MemoryBlobStore : IBlobStore
{
    private const int FirstSegmentSize = 4 * 1024;

    /// <summary>Large enough that a big object is few segments, small enough to stay a cheap allocation.</summary>
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

                    // Doubling keeps the number of segments logarithmic until they reach their full size.
                    var size = current is null ? FirstSegmentSize : Math.Min(SegmentSize, current.Length * 2);
                    current = GC.AllocateUninitializedArray<byte>(size);
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
            // A short last segment is copied to its exact size, so small objects do not keep a segment's slack.
            segments.Add(used == current.Length ? current : current.AsSpan(0, used).ToArray());
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

    /// <summary>
    /// The bytes of the arrays the committed blobs hold, each array counted once however many blobs share it: what
    /// the content really costs, slack included (tests hold the store to it).
    /// </summary>
    internal long RetainedBytes()
    {
        var arrays = new HashSet<byte[]>(ReferenceEqualityComparer.Instance);
        long total = 0;
        foreach (var segments in _blobs.Values)
        {
            foreach (var segment in segments)
            {
                if (MemoryMarshal.TryGetArray(segment, out var array) && arrays.Add(array.Array!))
                {
                    total += array.Array!.Length;
                }
            }
        }

        return total;
    }

    public void Dispose() => _blobs.Clear();
}
