using System.Globalization;
using System.Text.Json;

namespace Cos.Generated.MSBuild.Tests;

/// <summary>One entry of the task's PresignedUrlsFile.</summary>
public sealed record PresignedUrlEntry(string Key, string File, string Url, DateTimeOffset Expires);

/// <summary>Reads the JSON array the task writes to PresignedUrlsFile, by key; parsed here, not with the task's code.</summary>
public static class PresignedUrlsFile
{
    public static IReadOnlyDictionary<string, PresignedUrlEntry> Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        return json.RootElement.EnumerateArray()
            .Select(e => new PresignedUrlEntry(
                e.GetProperty("key").GetString()!,
                e.GetProperty("file").GetString()!,
                e.GetProperty("presignedUrl").GetString()!,
                DateTimeOffset.ParseExact(e.GetProperty("expires").GetString()!, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)))
            .ToDictionary(e => e.Key, StringComparer.Ordinal);
    }
}
