using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cos.Generated.Transfer;

/// <summary>
/// What a resumable file download has written so far, kept next to the partial file: the object it is a copy
/// of (bucket, key, version, ETag, size), the part size and the parts completed with their CRC-64s.
/// </summary>
internal sealed class DownloadCheckpoint
{
    public int Version { get; set; } = 1;

    public string Bucket { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public string? VersionId { get; set; }

    public string? ETag { get; set; }

    public long Size { get; set; }

    public long PartSize { get; set; }

    public List<DownloadCheckpointPart> Parts { get; set; } = [];

    public bool Describes(string bucket, string key, string? versionId, string? etag, long size, long partSize) =>
        Version == 1 && Bucket == bucket && Key == key && VersionId == versionId && ETag is not null && ETag == etag && Size == size && PartSize == partSize;

    /// <summary>Reads a checkpoint; null when there is none or it cannot be read.</summary>
    public static DownloadCheckpoint? Load(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var bytes = File.ReadAllBytes(path);
            return JsonSerializer.Deserialize(bytes, DownloadCheckpointJsonContext.Default.DownloadCheckpoint);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the checkpoint atomically: to a temporary file, then renamed over the old one.</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, DownloadCheckpointJsonContext.Default.DownloadCheckpoint));
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>A completed part of a download: its index (0-based) and the CRC-64 of its bytes.</summary>
internal sealed class DownloadCheckpointPart
{
    public int Index { get; set; }

    public ulong Crc64 { get; set; }
}

[JsonSerializable(typeof(DownloadCheckpoint))]
internal sealed partial class DownloadCheckpointJsonContext : JsonSerializerContext;
