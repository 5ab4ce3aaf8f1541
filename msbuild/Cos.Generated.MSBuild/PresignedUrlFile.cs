using System.Text.Json;

namespace Cos.Generated.MSBuild;

/// <summary>
/// Writes the presigned GET URLs to the file the caller named (<c>PresignedUrlsFile</c>) as a JSON array of
/// <c>{ "key", "file", "presignedUrl", "expires" }</c>. A presigned URL is a working credential (its signature, and
/// the security token of a temporary key), and MSBuild logs every output item's metadata in binlogs and at
/// diagnostic verbosity with no way for a task to mark a value secret, so the URLs never pass through MSBuild.
/// </summary>
internal static class PresignedUrlFile
{
    /// <summary>One line of the file: the object, the local file, its presigned GET URL and when that expires (ISO 8601 UTC).</summary>
    public sealed record Entry(string Key, string File, string Url, string Expires);

    /// <summary>Writes (replaces) the file and returns how many URLs it holds; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when it cannot.</summary>
    public static int Write(string path, IEnumerable<Entry> entries)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);

        // Deleted first: the owner-only mode below applies to a new file, and an existing one would keep its own.
        File.Delete(fullPath);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(fullPath, options);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var count = 0;
        json.WriteStartArray();
        foreach (var entry in entries)
        {
            json.WriteStartObject();
            json.WriteString("key", entry.Key);
            json.WriteString("file", entry.File);
            json.WriteString("presignedUrl", entry.Url);
            json.WriteString("expires", entry.Expires);
            json.WriteEndObject();
            count++;
        }

        json.WriteEndArray();
        return count;
    }
}
