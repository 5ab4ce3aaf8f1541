using System.Text;

namespace Cos.Generated.Transfer;

/// <summary>
/// Object tags of the high-level transfers, checked against COS's limits (at most 10, keys of 1 to 128 characters,
/// values of at most 256) and encoded as the <c>x-cos-tagging</c> header: <c>k1=v1&amp;k2=v2</c>, keys and values
/// URL-encoded (RFC 3986), so <c>&amp;</c>, <c>=</c>, <c>+</c>, spaces and non-ASCII text survive.
/// </summary>
internal static class ObjectTags
{
    public const int MaxTags = 10;
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;

    /// <summary>Throws <see cref="ArgumentException"/> for tags COS would refuse (400 InvalidTag), before anything is sent.</summary>
    public static void Validate(IReadOnlyDictionary<string, string>? tags, string parameterName)
    {
        if (tags is null)
        {
            return;
        }

        if (tags.Count > MaxTags)
        {
            throw new ArgumentException($"An object has at most {MaxTags} tags; {tags.Count} were given.", parameterName);
        }

        foreach (var (key, value) in tags)
        {
            if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
            {
                throw new ArgumentException($"A tag key is 1 to {MaxKeyLength} characters; '{Shorten(key)}' has {key?.Length ?? 0}.", parameterName);
            }

            if (value is null || value.Length > MaxValueLength)
            {
                throw new ArgumentException($"The value of the tag '{Shorten(key)}' must be at most {MaxValueLength} characters (and not null).", parameterName);
            }
        }
    }

    /// <summary>The <c>x-cos-tagging</c> value; null for no tags.</summary>
    public static string? Header(IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is not { Count: > 0 })
        {
            return null;
        }

        var header = new StringBuilder();
        foreach (var (key, value) in tags)
        {
            if (header.Length > 0)
            {
                header.Append('&');
            }

            header.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return header.ToString();
    }

    private static string Shorten(string? key) => key is null ? "" : key.Length <= 40 ? key : key[..40] + "…";
}
