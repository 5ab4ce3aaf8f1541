using Cos.Generated.Signing;

namespace Cos.Generated.Tests.Infrastructure;

/// <summary>Recomputes a COS signature from what a server received, as COS does.</summary>
public static class SignatureVerifier
{
    public static Dictionary<string, string> ParseAuthorization(string authorization) =>
        authorization.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty);

    /// <summary>Parses a raw query string (without <c>?</c>) into decoded pairs; a bare name has an empty value.</summary>
    public static List<KeyValuePair<string, string?>> ParseQuery(string query) =>
        query.Length == 0
            ? []
            : query.Split('&').Select(p => p.Split('=', 2))
                .Select(p => new KeyValuePair<string, string?>(Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty))
                .ToList();

    /// <summary>
    /// Recomputes the Authorization of <paramref name="request"/> with <paramref name="secretKey"/>, signing
    /// exactly the headers named in its q-header-list, the decoded path and the query.
    /// </summary>
    public static string Recompute(RecordedRequest request, string secretId, string secretKey)
    {
        var auth = ParseAuthorization(request.Header("Authorization") ?? throw new InvalidOperationException("No Authorization header."));
        var headerNames = auth["q-header-list"].Split(';', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var headers = request.Headers
            .Where(h => headerNames.Contains(h.Key.ToLowerInvariant()))
            .Select(h => new KeyValuePair<string, string?>(h.Key, h.Value))
            .ToArray();
        var queryStart = request.RawTarget.IndexOf('?');
        var path = queryStart < 0 ? request.RawTarget : request.RawTarget[..queryStart];
        var query = queryStart < 0 ? [] : ParseQuery(request.RawTarget[(queryStart + 1)..]);
        return CosSigner.GetAuthorization(secretId, secretKey, request.Method, Uri.UnescapeDataString(path), query.ToArray(), headers, CosKeyTime.Parse(auth["q-key-time"]));
    }
}
