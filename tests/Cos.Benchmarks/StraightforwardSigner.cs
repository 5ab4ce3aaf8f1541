using System.Security.Cryptography;
using System.Text;
using Cos.Generated.Signing;

namespace Cos.Benchmarks;

/// <summary>
/// The baseline: cos-protocol.md §3 written the obvious way (string concatenation, LINQ sort, platform
/// SHA1/HMACSHA1 one-shots), about what the first CosSigner.cs did. Kept here so the ratio is measured
/// in the same run as the optimized signer.
/// </summary>
public static class StraightforwardSigner
{
    private static readonly HashSet<string> Signable = new(StringComparer.Ordinal)
    {
        "cache-control", "content-disposition", "content-encoding", "content-length", "content-md5", "content-type",
        "expect", "expires", "host", "if-match", "if-modified-since", "if-none-match", "if-unmodified-since",
        "origin", "range", "transfer-encoding", "pic-operations",
    };

    public static string GetAuthorization(
        string secretId, string secretKey, string method, string pathname,
        IEnumerable<KeyValuePair<string, string?>> query, IEnumerable<KeyValuePair<string, string?>> headers, CosKeyTime keyTime)
    {
        var q = query.Select(static p => (Name: CosUrlEncoding.Encode(p.Key).ToLowerInvariant(), Value: CosUrlEncoding.Encode(p.Value ?? "")))
            .OrderBy(static p => p.Name, StringComparer.Ordinal).ToList();
        var h = headers.Where(static p => IsSigned(p.Key))
            .Select(static p => (Name: CosUrlEncoding.Encode(p.Key).ToLowerInvariant(), Value: CosUrlEncoding.Encode(p.Value ?? "")))
            .OrderBy(static p => p.Name, StringComparer.Ordinal).ToList();
        var keyTimeText = keyTime.ToString();
        var path = pathname.StartsWith('/') ? pathname : "/" + pathname;
        var httpString = method.ToLowerInvariant() + "\n" + path + "\n"
            + string.Join("&", q.Select(static p => p.Name + "=" + p.Value)) + "\n"
            + string.Join("&", h.Select(static p => p.Name + "=" + p.Value)) + "\n";
        var stringToSign = "sha1\n" + keyTimeText + "\n" + Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(httpString))) + "\n";
        var signKey = Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(keyTimeText)));
        var signature = Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(signKey), Encoding.UTF8.GetBytes(stringToSign)));
        return "q-sign-algorithm=sha1&q-ak=" + secretId + "&q-sign-time=" + keyTimeText + "&q-key-time=" + keyTimeText
            + "&q-header-list=" + string.Join(";", h.Select(static p => p.Name))
            + "&q-url-param-list=" + string.Join(";", q.Select(static p => p.Name))
            + "&q-signature=" + signature;
    }

    private static bool IsSigned(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.Contains("x-cos-", StringComparison.Ordinal) || lower.Contains("x-ci-", StringComparison.Ordinal) || Signable.Contains(lower);
    }
}
