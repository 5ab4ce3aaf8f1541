using System.IO.Enumeration;
using Cos.Generated;

namespace Cos.Cli.Paths;

/// <summary>Files under a local directory, by their path relative to it (with <c>/</c>), and the reverse mapping that keeps keys inside it.</summary>
internal static class LocalTree
{
    /// <summary>
    /// Every file under <paramref name="root"/> that <paramref name="filter"/> takes, ordinal order. Symbolic links to
    /// files are followed; links to directories are not entered (no cycles, nothing outside the tree). A download's
    /// partial file and its checkpoint (<c>*.cosdownload</c>, <c>*.cosdownload.json</c>) are never content: an
    /// interrupted <c>cos cp</c> or <c>cos sync</c> leaves them for its rerun to resume from.
    /// </summary>
    public static IReadOnlyList<(string Relative, FileInfo File)> Files(string root, PathFilter filter)
    {
        var directory = new DirectoryInfo(root);
        var files = new FileSystemEnumerable<FileInfo>(directory.FullName, (ref FileSystemEntry entry) => (FileInfo)entry.ToFileSystemInfo(), new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && !IsPartialDownload(entry.FileName),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        return [.. files
            .Select(f => (Relative: Path.GetRelativePath(directory.FullName, f.FullName).Replace(Path.DirectorySeparatorChar, '/'), File: f))
            .Where(f => filter.Matches(f.Relative))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)];
    }

    private static bool IsPartialDownload(ReadOnlySpan<char> name) =>
        name.EndsWith(CosClient.DownloadPartialSuffix, StringComparison.Ordinal) || name.EndsWith(CosClient.DownloadPartialSuffix + ".json", StringComparison.Ordinal);

    /// <summary>
    /// The local path of <paramref name="relativeKey"/> under <paramref name="root"/>, or null when the key cannot be a
    /// file there: it would leave the directory (<c>../</c>, an absolute path), or has an empty or <c>.</c> segment. Keys
    /// are the remote side's to choose, so a download never writes where a hostile listing points.
    /// </summary>
    public static string? PathOf(string root, string relativeKey)
    {
        if (relativeKey.Length == 0 || relativeKey.Contains('\0') || relativeKey.Contains('\\'))
        {
            return null;
        }

        foreach (var segment in relativeKey.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                return null;
            }
        }

        var full = Path.GetFullPath(Path.Combine(root, relativeKey.Replace('/', Path.DirectorySeparatorChar)));
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return full.StartsWith(rootFull, StringComparison.Ordinal) ? full : null;
    }
}
