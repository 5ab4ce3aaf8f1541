namespace Cos.Emulator.Storage;

/// <summary>
/// Blobs as files <c>blobs/{id}</c> under the data directory, named by random ids (never by object keys).
/// A write goes to <c>tmp/</c> and is renamed into place only when complete and flushed.
/// </summary>
internal sealed class DiskBlobStore : IBlobStore
{
    private readonly string _blobs;
    private readonly string _tmp;

    public DiskBlobStore(string dataDirectory)
    {
        _blobs = Path.Combine(dataDirectory, "blobs");
        _tmp = Path.Combine(dataDirectory, "tmp");
        Directory.CreateDirectory(_blobs);
        Directory.CreateDirectory(_tmp);
        foreach (var stale in Directory.EnumerateFiles(_tmp))
        {
            File.Delete(stale);
        }
    }

    public string TempDirectory => _tmp;

    public async Task<BlobInfo> WriteAsync(Stream source, bool md5Required, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var temp = Path.Combine(_tmp, id);
        try
        {
            long length;
            byte[] md5;
            ulong crc;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                (length, md5, crc) = await HashingCopier.CopyAsync(source, (block, ct) => file.WriteAsync(block, ct), cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, Path.Combine(_blobs, id));
            return new BlobInfo { BlobId = id, Length = length, Md5 = md5, Crc64 = crc };
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public async Task<string> ConcatAsync(IReadOnlyList<(string BlobId, long Length)> parts, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var temp = Path.Combine(_tmp, id);
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                foreach (var (blobId, length) in parts)
                {
                    await using var part = OpenRead(blobId, length) ?? throw new FileNotFoundException($"Blob {blobId} is gone.");
                    await part.CopyToAsync(file, HashingCopier.BufferSize, cancellationToken).ConfigureAwait(false);
                }
            }

            File.Move(temp, Path.Combine(_blobs, id));
            return id;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public Stream? OpenRead(string blobId, long length)
    {
        if (!IsId(blobId))
        {
            return null;
        }

        try
        {
            return new FileStream(Path.Combine(_blobs, blobId), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public void Delete(string blobId)
    {
        if (IsId(blobId))
        {
            File.Delete(Path.Combine(_blobs, blobId));
        }
    }

    public IEnumerable<string> List() => Directory.EnumerateFiles(_blobs).Select(Path.GetFileName).OfType<string>();

    public void Dispose()
    {
    }

    private static bool IsId(string blobId) => blobId.Length == 32 && blobId.All(char.IsAsciiHexDigitLower);
}
