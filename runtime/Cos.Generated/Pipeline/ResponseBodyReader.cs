using System.Buffers;

namespace Cos.Generated.Pipeline;

/// <summary>Reads response bodies into memory without ever holding more than a limit.</summary>
internal static class ResponseBodyReader
{
    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes. Returns <c>Exceeded</c> true (and what was read,
    /// up to the limit) when the body is larger, without reading the rest. A body that sends nothing for
    /// <paramref name="stallTimeout"/> fails with <see cref="CosStallTimeoutException"/>.
    /// </summary>
    public static async Task<(ReadOnlyMemory<byte> Body, bool Exceeded)> ReadAsync(HttpContent content, int limit, TimeSpan stallTimeout, long minimumThroughput, TimeProvider time, string operationName, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > limit)
        {
            return (ReadOnlyMemory<byte>.Empty, true);
        }

        if (declared == 0)
        {
            return (ReadOnlyMemory<byte>.Empty, false);
        }

        var stream = StallTimeoutStream.Wrap(await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), stallTimeout, minimumThroughput, time, operationName);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[declared is { } size ? (int)size : Math.Min(limit, 16 * 1024)];
            var length = 0;
            var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                while (true)
                {
                    var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, (long)limit - length + 1)), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return (buffer.AsMemory(0, length), false);
                    }

                    if ((long)length + read > limit)
                    {
                        var kept = limit - length;
                        EnsureCapacity(ref buffer, limit);
                        chunk.AsSpan(0, kept).CopyTo(buffer.AsSpan(length));
                        return (buffer.AsMemory(0, limit), true);
                    }

                    EnsureCapacity(ref buffer, length + read);
                    chunk.AsSpan(0, read).CopyTo(buffer.AsSpan(length));
                    length += read;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }

    private static void EnsureCapacity(ref byte[] buffer, int needed)
    {
        if (buffer.Length < needed)
        {
            Array.Resize(ref buffer, (int)Math.Max(needed, Math.Min(Array.MaxLength, (long)buffer.Length * 2)));
        }
    }
}
