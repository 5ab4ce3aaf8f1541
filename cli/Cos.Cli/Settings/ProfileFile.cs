namespace Cos.Cli.Settings;

/// <summary>
/// The profile file: <c>~/.cos/config</c> (or <c>COS_CONFIG_FILE</c>), INI sections of settings, so keys live in a file
/// only its owner can read and never in the shell's history.
/// <code>
/// [default]
/// secret_id = AKID...
/// secret_key = ...
/// region = ap-guangzhou
///
/// [local]
/// endpoint = http://127.0.0.1:9000
/// </code>
/// </summary>
internal static class ProfileFile
{
    /// <summary>The keys a profile may set.</summary>
    public static readonly string[] Keys = ["secret_id", "secret_key", "security_token", "region", "endpoint"];

    /// <summary>The default location: <c>.cos/config</c> in the user's home directory.</summary>
    public static string DefaultPath => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cos", "config");

    /// <summary>
    /// The settings of <paramref name="profile"/> in the file at <paramref name="path"/>; null when the file or the profile
    /// does not exist. A line that is not a section, a comment or <c>key = value</c> of a known key is an error naming
    /// the file and line, so a typo is not silently ignored.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Read(string path, string profile)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        Dictionary<string, string>? found = null;
        string? section = null;
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                if (line[^1] != ']' || line.Length < 3)
                {
                    throw CliException.Usage($"{path} line {number}: a section is written [name].");
                }

                section = line[1..^1].Trim();
                if (section == profile)
                {
                    found ??= new Dictionary<string, string>(StringComparer.Ordinal);
                }

                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                throw CliException.Usage($"{path} line {number}: expected 'key = value'.");
            }

            var key = line[..equals].Trim().ToLowerInvariant();
            if (Array.IndexOf(Keys, key) < 0)
            {
                throw CliException.Usage($"{path} line {number}: unknown setting '{key}' (known: {string.Join(", ", Keys)}).");
            }

            if (section is null)
            {
                throw CliException.Usage($"{path} line {number}: '{key}' is outside a [profile] section.");
            }

            if (section == profile)
            {
                found![key] = line[(equals + 1)..].Trim();
            }
        }

        return found;
    }
}
