namespace Cos.Emulator.Storage;

/// <summary>Keeps no content (benchmarks): sizes, ETags and CRC-64 are kept by the caller; reads return zeros.</summary>
internal sealed class DiscardingBlobStore : IBlobStore
{
    public async Task<BlobInfo> WriteAsync(Stream source, bool md5Required, CancellationToken cancellationToken)
    {
        var (length, md5, crc) = await HashingCopier.CopyAsync(source, static (_, _) => ValueTask.CompletedTask, md5Required, cancellationToken).ConfigureAwait(false);
        return new BlobInfo { BlobId = "discarded", Length = length, Md5 = md5 ?? StandInMd5(crc, length), Crc64 = crc };
    }

    /// <summary>
    /// Without an MD5 the ETag is built from the CRC-64 and length: stable for the same content, not an MD5
    /// (COS documents ETags as opaque too). Hashing MD5 would make the emulator what a benchmark measures.
    /// </summary>
    private static byte[] StandInMd5(ulong crc, long length)
    {
        var bytes = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, crc);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(8), length);
        return bytes;
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
}
