using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cos.Generated.Tests.Signing;

/// <summary>
/// An independent, deliberately naive transcription of the pseudo-code in cos-protocol.md §3, used to
/// derive expected values where the fixture has none. Shares no code with the runtime signer:
/// <see cref="Uri.EscapeDataString(string)"/> for RFC 3986 and the platform SHA-1/HMAC.
/// </summary>
internal static class ReferenceSigner
{
    private static readonly HashSet<string> Signable = new(StringComparer.Ordinal)
    {
        "cache-control", "content-disposition", "content-encoding", "content-length", "content-md5", "content-type",
        "expect", "expires", "host", "if-match", "if-modified-since", "if-none-match", "if-unmodified-since",
        "origin", "range", "transfer-encoding", "pic-operations",
    };

    public static string Enc(string value) => Uri.EscapeDataString(value)
        .Replace("!", "%21", StringComparison.Ordinal).Replace("'", "%27", StringComparison.Ordinal)
        .Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
        .Replace("*", "%2A", StringComparison.Ordinal);

    public static bool IsSignable(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.Contains("x-cos-", StringComparison.Ordinal) || lower.Contains("x-ci-", StringComparison.Ordinal) || Signable.Contains(lower);
    }

    /// <summary>The documented rule: both the pairs and the list sorted by lower(enc(name)).</summary>
    public static string Authorization(
        string secretId, string secretKey, string method, string pathname,
        IEnumerable<KeyValuePair<string, string?>> query, IEnumerable<KeyValuePair<string, string?>> headers, string keyTime)
    {
        var q = query.Select(static p => (Name: Enc(p.Key).ToLowerInvariant(), Value: Enc(p.Value ?? ""))).OrderBy(static p => p.Name, StringComparer.Ordinal).ToList();
        var h = headers.Select(static p => (Name: Enc(p.Key).ToLowerInvariant(), Value: Enc(p.Value ?? ""))).OrderBy(static p => p.Name, StringComparer.Ordinal).ToList();
        var path = pathname.StartsWith('/') ? pathname : "/" + pathname;
        var httpString = method.ToLowerInvariant() + "\n" + path + "\n"
            + string.Join("&", q.Select(static p => p.Name + "=" + p.Value)) + "\n"
            + string.Join("&", h.Select(static p => p.Name + "=" + p.Value)) + "\n";
        var stringToSign = "sha1\n" + keyTime + "\n" + Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(httpString))) + "\n";
        var signKey = Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(keyTime)));
        var signature = Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(signKey), Encoding.UTF8.GetBytes(stringToSign)));
        return string.Create(CultureInfo.InvariantCulture, $"q-sign-algorithm=sha1&q-ak={secretId}&q-sign-time={keyTime}&q-key-time={keyTime}")
            + "&q-header-list=" + string.Join(";", h.Select(static p => p.Name))
            + "&q-url-param-list=" + string.Join(";", q.Select(static p => p.Name))
            + "&q-signature=" + signature;
    }

    public static string Part(string authorization, string name) =>
        authorization.Split('&').Single(p => p.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
}
