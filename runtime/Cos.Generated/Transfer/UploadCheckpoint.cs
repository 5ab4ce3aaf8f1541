using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cos.Generated.Transfer;

/// <summary>
/// What a multipart upload of a file needs to resume in another process: the upload id, and what it was
/// for (file path, size, modification time, part size, bucket, region, key). The parts themselves are
/// listed from the server (ListParts) and checked against the file, so they are not stored. The object settings the
/// upload was initiated with are stored only as a hash (<see cref="ObjectSettings"/>): an SSE-C key never reaches the disk.
/// </summary>
internal sealed class UploadCheckpoint
{
    public int Version { get; set; } = 1;

    public string FilePath { get; set; } = "";

    public long Size { get; set; }

    public long LastWriteTimeUtcTicks { get; set; }

    public long PartSize { get; set; }

    public string Bucket { get; set; } = "";

    public string? Region { get; set; }

    public string Key { get; set; } = "";

    public string UploadId { get; set; } = "";

    public DateTimeOffset Created { get; set; }

    /// <summary>
    /// <see cref="CosUploadOptions.ObjectSettingsFingerprint"/> of the call that initiated the upload (a SHA-256 hex
    /// digest; an SSE-C key enters it only as its MD5); null in checkpoints written before it was recorded.
    /// </summary>
    public string? ObjectSettings { get; set; }

    /// <summary>True when the upload was initiated with other object settings (ACL, tags, encryption, headers) than <paramref name="other"/> asks for.</summary>
    public bool SettingsDiffer(UploadCheckpoint other) => ObjectSettings is not null && other.ObjectSettings is not null && ObjectSettings != other.ObjectSettings;

    /// <summary>True when this checkpoint is for exactly this upload (same file state, part size and target).</summary>
    public bool Matches(UploadCheckpoint other) =>
        Version == other.Version
        && FilePath == other.FilePath
        && Size == other.Size
        && LastWriteTimeUtcTicks == other.LastWriteTimeUtcTicks
        && PartSize == other.PartSize
        && Bucket == other.Bucket
        && Region == other.Region
        && Key == other.Key
        && !SettingsDiffer(other);
}

[JsonSerializable(typeof(UploadCheckpoint))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class UploadCheckpointJsonContext : JsonSerializerContext;

/// <summary>
/// Checkpoint files in one directory, one per (file path, bucket, region, key), written atomically
/// (a temp file renamed over the old one) so a crash never leaves a torn checkpoint.
/// </summary>
internal sealed class UploadCheckpointStore(string directory)
{
    /// <summary>
    /// Local application data (it survives reboots, as the Node SDK's <c>~/.config</c> cache does), else the temp
    /// directory: <c>Cos.Generated/upload-checkpoints</c>.
    /// </summary>
    public static string DefaultDirectory
    {
        get
        {
            var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return Path.Combine(string.IsNullOrEmpty(root) ? Path.GetTempPath() : root, "Cos.Generated", "upload-checkpoints");
        }
    }

    public string Directory { get; } = directory;

    public string PathFor(string filePath, string bucket, string? region, string key)
    {
        var identity = string.Join('\n', filePath, bucket, region ?? "", key);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
        return Path.Combine(Directory, hash + ".json");
    }

    /// <summary>The checkpoint at <paramref name="path"/>, or null when there is none or it cannot be read.</summary>
    public static UploadCheckpoint? TryLoad(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return JsonSerializer.Deserialize(stream, UploadCheckpointJsonContext.Default.UploadCheckpoint);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public static void Save(string path, UploadCheckpoint checkpoint)
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, checkpoint, UploadCheckpointJsonContext.Default.UploadCheckpoint);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A stale checkpoint is harmless: it is checked against the server before use.
        }
    }
}
