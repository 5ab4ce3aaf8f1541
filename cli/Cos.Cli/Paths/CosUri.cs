using Cos.Generated.Endpoints;

namespace Cos.Cli.Paths;

/// <summary>
/// An object or prefix named as coscli names it: <c>cos://bucket-appid/key</c>. The key is taken as written (no URL
/// decoding: the shell already handed over the characters); an empty key is the bucket itself.
/// </summary>
internal readonly record struct CosUri(string Bucket, string Key)
{
    private const string Scheme = "cos://";

    /// <summary>True when <paramref name="text"/> is meant as a <c>cos://</c> URI (then it must parse).</summary>
    public static bool IsCosUri(string text) => text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the key is empty or ends with <c>/</c>: a "directory" of keys.</summary>
    public bool IsPrefix => Key.Length == 0 || Key[^1] == '/';

    /// <summary>The key's last segment (the file name a download gets).</summary>
    public string Name => Key[(Key.LastIndexOf('/') + 1)..];

    /// <summary>Parses <c>cos://bucket-appid[/key]</c>; a usage error says what is wrong.</summary>
    public static CosUri Parse(string text)
    {
        if (!IsCosUri(text))
        {
            throw CliException.Usage($"'{text}' is not a cos:// URI (cos://bucket-appid/key).");
        }

        var rest = text[Scheme.Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        var key = slash < 0 ? string.Empty : rest[(slash + 1)..];
        if (bucket.Length == 0)
        {
            throw CliException.Usage($"'{text}' names no bucket (cos://bucket-appid/key).");
        }

        if (!CosNames.IsValidBucket(bucket))
        {
            var dash = bucket.LastIndexOf('-');
            var hasAppId = dash > 0 && dash < bucket.Length - 1 && !bucket.AsSpan(dash + 1).ContainsAnyExceptInRange('0', '9');
            throw CliException.Usage(hasAppId
                ? $"bucket '{bucket}' may hold only lowercase letters, digits and '-'."
                : $"bucket '{bucket}' has no APPID: write the full name, such as cos://examplebucket-1250000000/{key}");
        }

        return new CosUri(bucket, key);
    }

    /// <summary>This URI with <paramref name="relative"/> appended under it as a prefix.</summary>
    public CosUri Append(string relative) => this with { Key = AsPrefix + relative };

    /// <summary>The key as a prefix: empty, or ending with <c>/</c>.</summary>
    public string AsPrefix => IsPrefix ? Key : Key + "/";

    /// <inheritdoc/>
    public override string ToString() => Scheme + Bucket + "/" + Key;
}
