using System.Security.Cryptography;
using System.Text;

namespace Cos.Generated.Signing;

/// <summary>
/// Computes the COS <c>Authorization</c> value (q-sign-algorithm=sha1): the .NET counterpart of the
/// JavaScript SDK's static <c>COS.getAuthorization</c>. Pure: the same inputs give the same string.
/// </summary>
public static class CosSigner
{
    private static readonly HashSet<string> SignableHeaders = new(StringComparer.Ordinal)
    {
        "cache-control", "content-disposition", "content-encoding", "content-length", "content-md5",
        "content-type", "expect", "expires", "host", "if-match", "if-modified-since", "if-none-match",
        "if-unmodified-since", "origin", "range", "transfer-encoding", "pic-operations",
    };

    /// <summary>
    /// Signs a request. <paramref name="pathname"/> is the raw (not URL-encoded) path, normally
    /// <c>"/" + key</c>; <paramref name="query"/> and <paramref name="headers"/> are raw names and values.
    /// Headers that COS does not sign (and empty ones) are ignored, so all request headers may be passed.
    /// </summary>
    public static string GetAuthorization(
        string secretId,
        string secretKey,
        string method,
        string pathname,
        ReadOnlySpan<KeyValuePair<string, string?>> query,
        ReadOnlySpan<KeyValuePair<string, string?>> headers,
        CosKeyTime keyTime)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretId);
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(pathname);

        var signedQuery = Canonicalize(query, static _ => true);
        var signedHeaders = Canonicalize(headers, static name => IsSignedHeader(name));
        var keyTimeText = keyTime.ToString();
        var path = pathname.StartsWith('/') ? pathname : "/" + pathname;

        var httpString = $"{method.ToLowerInvariant()}\n{path}\n{Pairs(signedQuery)}\n{Pairs(signedHeaders)}\n";
        var stringToSign = $"sha1\n{keyTimeText}\n{Hex(SHA1.HashData(Encoding.UTF8.GetBytes(httpString)))}\n";
        var signKey = Hex(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(keyTimeText)));
        var signature = Hex(HMACSHA1.HashData(Encoding.UTF8.GetBytes(signKey), Encoding.UTF8.GetBytes(stringToSign)));

        return $"q-sign-algorithm=sha1&q-ak={secretId}&q-sign-time={keyTimeText}&q-key-time={keyTimeText}"
            + $"&q-header-list={List(signedHeaders)}&q-url-param-list={List(signedQuery)}&q-signature={signature}";
    }

    /// <summary>True when COS signs a header of this name (<c>x-cos-*</c>, <c>x-ci-*</c>, content and conditional headers, Host).</summary>
    public static bool IsSignedHeader(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.Contains("x-cos-", StringComparison.Ordinal) || lower.Contains("x-ci-", StringComparison.Ordinal) || SignableHeaders.Contains(lower);
    }

    private static List<(string Name, string Value)> Canonicalize(ReadOnlySpan<KeyValuePair<string, string?>> pairs, Func<string, bool> include)
    {
        var result = new List<(string Name, string Value)>(pairs.Length);
        foreach (var (name, value) in pairs)
        {
            if (include(name) && (value is { Length: > 0 } || !IsHeaderFilter(include)))
            {
                result.Add((CosUrlEncoding.Encode(name).ToLowerInvariant(), CosUrlEncoding.Encode(value ?? string.Empty)));
            }
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return result;
    }

    private static bool IsHeaderFilter(Func<string, bool> include) => !include("\u0001");

    private static string Pairs(List<(string Name, string Value)> pairs) => string.Join("&", pairs.Select(static p => p.Name + "=" + p.Value));

    private static string List(List<(string Name, string Value)> pairs) => string.Join(";", pairs.Select(static p => p.Name));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
