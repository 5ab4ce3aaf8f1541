using System.Text;
using System.Text.RegularExpressions;

namespace Cos.Generated.MSBuild;

/// <summary>
/// One include or exclude glob over paths relative to the source directory, with MSBuild's meaning:
/// <c>*</c> and <c>?</c> stay within one folder, <c>**</c> spans any number of folders, and a pattern without
/// a folder matches only top-level files (<c>**/*.pdb</c> matches at any depth). Case-insensitive on Windows and macOS.
/// </summary>
internal sealed class GlobPattern
{
    private readonly Regex _regex;

    private GlobPattern(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>Parses one pattern; <c>\</c> is taken as <c>/</c> and a leading <c>./</c> or <c>/</c> is ignored.</summary>
    /// <exception cref="ArgumentException">The pattern is empty or climbs out of the directory (<c>..</c>).</exception>
    public static GlobPattern Parse(string pattern)
    {
        var text = pattern.Trim().Replace('\\', '/');
        while (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        text = text.TrimStart('/');
        if (text.Length == 0)
        {
            throw new ArgumentException($"The glob '{pattern}' is empty.", nameof(pattern));
        }

        var segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Contains(".."))
        {
            throw new ArgumentException($"The glob '{pattern}' climbs out of the source directory ('..'); globs are relative to it.", nameof(pattern));
        }

        var regex = new StringBuilder("^");
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            if (segments[i] == "**")
            {
                regex.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }

            foreach (var c in segments[i])
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }

            if (!last)
            {
                regex.Append('/');
            }
        }

        var options = RegexOptions.CultureInvariant | (OperatingSystem.IsLinux() ? RegexOptions.None : RegexOptions.IgnoreCase);
        return new GlobPattern(pattern, new Regex(regex.Append('$').ToString(), options));
    }

    /// <summary>Parses a <c>;</c>-separated list of patterns (MSBuild's item separator); empty entries are ignored.</summary>
    public static IReadOnlyList<GlobPattern> ParseList(string? patterns) =>
        string.IsNullOrWhiteSpace(patterns)
            ? []
            : patterns.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToArray();

    /// <summary>True when <paramref name="relativePath"/> (with <c>/</c> separators) matches.</summary>
    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);
}
