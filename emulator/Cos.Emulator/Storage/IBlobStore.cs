namespace Cos.Emulator.Storage;

/// <summary>
/// Immutable content by id. A write streams to a temporary place and is committed under a new id only
/// when complete (hashing MD5 and CRC-64 on the way), so a failed write leaves nothing; a reader holds the
/// version it opened even when a newer one replaces it.
/// </summary>
public interface IBlobStore : IDisposable
{
    /// <summary>
    /// Streams <paramref name="source"/> into a new blob; on any failure nothing is kept. Stores that keep
    /// content always compute the MD5 (it is the ETag); the discarding store only when
    /// <paramref name="md5Required"/> (the request carries Content-MD5), as MD5 would otherwise cap benchmarks.
    /// </summary>
    Task<BlobInfo> WriteAsync(Stream source, bool md5Required, CancellationToken cancellationToken);

    /// <summary>Concatenates blobs into a new one (a completed multipart upload). The result's hashes are not computed.</summary>
    Task<string> ConcatAsync(IReadOnlyList<(string BlobId, long Length)> parts, CancellationToken cancellationToken);

    /// <summary>Opens a blob for reading (seekable); null when it no longer exists.</summary>
    Stream? OpenRead(string blobId, long length);

    /// <summary>Deletes a blob; a missing one is no error. Readers that opened it keep reading the content they opened.</summary>
    void Delete(string blobId);

    /// <summary>The ids of every committed blob (to drop unreferenced ones at start).</summary>
    IEnumerable<string> List();
}
