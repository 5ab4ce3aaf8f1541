using System.Buffers;
using System.IO.Hashing;
using System.Security.Cryptography;
using Cos.Generated.Integrity;

namespace Cos.Emulator.Storage;

/// <summary>Copies a stream in large blocks while computing its MD5 and CRC-64 (never buffering it whole).</summary>
internal static class HashingCopier
{
    public const int BufferSize = 256 * 1024;

    /// <summary>Reads <paramref name="source"/> to its end, hands every block to <paramref name="sink"/>, returns length, MD5 (unless not asked for) and CRC-64.</summary>
    public static Task<(long Length, byte[] Md5, ulong Crc64)> CopyAsync(Stream source, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> sink, CancellationToken cancellationToken) =>
        CopyAsync(source, sink, computeMd5: true, cancellationToken)!;

    /// <inheritdoc cref="CopyAsync(Stream, Func{ReadOnlyMemory{byte}, CancellationToken, ValueTask}, CancellationToken)"/>
    public static async Task<(long Length, byte[]? Md5, ulong Crc64)> CopyAsync(Stream source, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> sink, bool computeMd5, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var md5 = computeMd5 ? IncrementalHash.CreateHash(HashAlgorithmName.MD5) : null;
            var crc = CosCrc64.Create();
            long length = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                md5?.AppendData(buffer, 0, read);
                crc.Append(buffer.AsSpan(0, read));
                await sink(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                length += read;
            }

            return (length, md5?.GetHashAndReset(), crc.GetCurrentHashAsUInt64());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
