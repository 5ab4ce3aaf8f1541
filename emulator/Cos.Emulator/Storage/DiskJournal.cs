using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Cos.Emulator.Storage;

/// <summary>
/// Metadata sidecars under the data directory, each written to a temporary file and renamed into place:
/// <c>buckets/{bucket}.json</c>, <c>objects/{bucket}/{sha256(key)}.json</c> (a key's versions; the key is inside, never in the
/// path) and <c>uploads/{uploadId}.json</c>.
/// </summary>
internal sealed class DiskJournal
{
    private readonly string _buckets;
    private readonly string _objects;
    private readonly string _uploads;
    private readonly string _tmp;

    public DiskJournal(string dataDirectory, string tempDirectory)
    {
        _buckets = Path.Combine(dataDirectory, "buckets");
        _objects = Path.Combine(dataDirectory, "objects");
        _uploads = Path.Combine(dataDirectory, "uploads");
        _tmp = tempDirectory;
        Directory.CreateDirectory(_buckets);
        Directory.CreateDirectory(_objects);
        Directory.CreateDirectory(_uploads);
    }

    public void SaveBucket(BucketRecord bucket)
    {
        Directory.CreateDirectory(Path.Combine(_objects, bucket.Name));
        Write(Path.Combine(_buckets, bucket.Name + ".json"), JsonSerializer.SerializeToUtf8Bytes(bucket, StorageJsonContext.Default.BucketRecord));
    }

    public void DeleteBucket(string name)
    {
        File.Delete(Path.Combine(_buckets, name + ".json"));
        var objects = Path.Combine(_objects, name);
        if (Directory.Exists(objects))
        {
            Directory.Delete(objects, recursive: true);
        }
    }

    /// <summary>Writes a key's versions, newest first, to its sidecar.</summary>
    public void SaveObject(string bucket, IReadOnlyList<ObjectRecord> versions) =>
        Write(ObjectPath(bucket, versions[0].Key), JsonSerializer.SerializeToUtf8Bytes(new ObjectFile { Bucket = bucket, Versions = [.. versions] }, StorageJsonContext.Default.ObjectFile));

    public void DeleteObject(string bucket, string key) => File.Delete(ObjectPath(bucket, key));

    public void SaveUpload(UploadRecord upload) =>
        Write(Path.Combine(_uploads, upload.UploadId + ".json"), JsonSerializer.SerializeToUtf8Bytes(
            new UploadFile { Upload = upload with { Parts = [] }, Parts = [.. upload.Parts.Values] }, StorageJsonContext.Default.UploadFile));

    public void DeleteUpload(string uploadId) => File.Delete(Path.Combine(_uploads, uploadId + ".json"));

    public IEnumerable<BucketRecord> LoadBuckets() =>
        Directory.EnumerateFiles(_buckets, "*.json").Select(f => JsonSerializer.Deserialize(File.ReadAllBytes(f), StorageJsonContext.Default.BucketRecord)).OfType<BucketRecord>();

    public IEnumerable<ObjectFile> LoadObjects() =>
        Directory.EnumerateFiles(_objects, "*.json", SearchOption.AllDirectories).Select(f => JsonSerializer.Deserialize(File.ReadAllBytes(f), StorageJsonContext.Default.ObjectFile)).OfType<ObjectFile>();

    public IEnumerable<UploadRecord> LoadUploads()
    {
        foreach (var file in Directory.EnumerateFiles(_uploads, "*.json"))
        {
            var stored = JsonSerializer.Deserialize(File.ReadAllBytes(file), StorageJsonContext.Default.UploadFile);
            if (stored is not null)
            {
                var parts = new SortedDictionary<int, PartRecord>();
                foreach (var part in stored.Parts)
                {
                    parts[part.PartNumber] = part;
                }

                yield return stored.Upload with { Parts = parts };
            }
        }
    }

    private string ObjectPath(string bucket, string key) =>
        Path.Combine(_objects, bucket, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".json");

    private void Write(string path, byte[] content)
    {
        var temp = Path.Combine(_tmp, Guid.NewGuid().ToString("N") + ".json");
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(content);
            file.Flush();
        }

        File.Move(temp, path, overwrite: true);
    }
}
