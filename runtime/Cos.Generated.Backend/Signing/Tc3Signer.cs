using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cos.Generated.Backend.Signing;

/// <summary>
/// TencentCloud API 3.0 request signing (TC3-HMAC-SHA256, "Signature v3"): canonical request, string to sign,
/// signing key derived <c>"TC3" + SecretKey → date → service → "tc3_request"</c>, and the Authorization header.
/// STS, CAM and the other control-plane APIs use it; COS object requests use <c>CosSigner</c> instead.
/// </summary>
public static class Tc3Signer
{
    /// <summary>The algorithm name that starts the string to sign and the Authorization.</summary>
    public const string Algorithm = "TC3-HMAC-SHA256";

    /// <summary>The last element of the credential scope.</summary>
    public const string TerminationString = "tc3_request";

    /// <summary>Signs a request and returns the Authorization header value.</summary>
    public static string GetAuthorization(Tc3SigningRequest request) => Explain(request).Authorization;

    /// <summary>Signs a request and returns every intermediate with the Authorization.</summary>
    public static Tc3SignatureDetails Explain(Tc3SigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.SecretId, nameof(request.SecretId));
        ArgumentException.ThrowIfNullOrEmpty(request.SecretKey, nameof(request.SecretKey));
        ArgumentException.ThrowIfNullOrEmpty(request.Service, nameof(request.Service));
        ArgumentException.ThrowIfNullOrEmpty(request.Method, nameof(request.Method));
        ArgumentNullException.ThrowIfNull(request.Headers, nameof(request.Headers));
        if (request.Timestamp < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Timestamp, "The timestamp must be Unix seconds.");
        }

        if (request.SecretId.AsSpan().IndexOfAny(",/ ") >= 0)
        {
            throw new ArgumentException("A SecretId cannot contain ',', '/' or spaces: they delimit the Authorization.", nameof(request));
        }

        var hashedPayload = HashHex(request.Payload.Span);
        var canonicalRequest = CreateCanonicalRequest(request.Method, request.CanonicalUri, request.CanonicalQueryString, request.Headers, hashedPayload, out var signedHeaders);
        var date = FormatDate(request.Timestamp);
        var scope = $"{date}/{request.Service}/{TerminationString}";
        var hashedCanonical = HashHex(Encoding.UTF8.GetBytes(canonicalRequest));
        var stringToSign = CreateStringToSign(request.Timestamp, scope, hashedCanonical);
        var signature = CreateSignature(request.SecretKey, date, request.Service, stringToSign);
        var authorization = $"{Algorithm} Credential={request.SecretId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new Tc3SignatureDetails(hashedPayload, canonicalRequest, signedHeaders, scope, hashedCanonical, stringToSign, signature, authorization);
    }

    /// <summary>
    /// Builds <c>method\nuri\nquery\ncanonicalHeaders\nsignedHeaders\nhashedPayload</c>, where each header is
    /// <c>lower(trim(name)):lower(trim(value))\n</c>, sorted by name.
    /// </summary>
    /// <exception cref="ArgumentException">A header is named twice, or has an empty name.</exception>
    public static string CreateCanonicalRequest(
        string method,
        string canonicalUri,
        string canonicalQueryString,
        IEnumerable<KeyValuePair<string, string>> headers,
        string hashedRequestPayload,
        out string signedHeaders)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(canonicalUri);
        ArgumentNullException.ThrowIfNull(canonicalQueryString);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(hashedRequestPayload);

        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var lowerName = (name ?? string.Empty).Trim().ToLowerInvariant();
            if (lowerName.Length == 0)
            {
                throw new ArgumentException("A signed header needs a name.", nameof(headers));
            }

            if (!sorted.TryAdd(lowerName, (value ?? string.Empty).Trim().ToLowerInvariant()))
            {
                throw new ArgumentException($"The header '{lowerName}' is given twice.", nameof(headers));
            }
        }

        var canonicalHeaders = new StringBuilder();
        foreach (var (name, value) in sorted)
        {
            canonicalHeaders.Append(name).Append(':').Append(value).Append('\n');
        }

        signedHeaders = string.Join(';', sorted.Keys);
        return $"{method}\n{canonicalUri}\n{canonicalQueryString}\n{canonicalHeaders}\n{signedHeaders}\n{hashedRequestPayload}";
    }

    /// <summary>Builds <c>TC3-HMAC-SHA256\n{timestamp}\n{credentialScope}\n{hashedCanonicalRequest}</c>.</summary>
    public static string CreateStringToSign(long timestamp, string credentialScope, string hashedCanonicalRequest)
    {
        ArgumentNullException.ThrowIfNull(credentialScope);
        ArgumentNullException.ThrowIfNull(hashedCanonicalRequest);
        return string.Create(CultureInfo.InvariantCulture, $"{Algorithm}\n{timestamp}\n{credentialScope}\n{hashedCanonicalRequest}");
    }

    /// <summary>
    /// Computes <c>hex(HMAC-SHA256(SecretSigning, stringToSign))</c> with
    /// <c>SecretSigning = HMAC(HMAC(HMAC("TC3" + secretKey, date), service), "tc3_request")</c>.
    /// </summary>
    public static string CreateSignature(string secretKey, string date, string service, string stringToSign)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        ArgumentException.ThrowIfNullOrEmpty(date);
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentNullException.ThrowIfNull(stringToSign);

        // The derived keys are secrets: kept on the stack and cleared.
        Span<byte> keys = stackalloc byte[2 * HMACSHA256.HashSizeInBytes];
        var a = keys[..HMACSHA256.HashSizeInBytes];
        var b = keys[HMACSHA256.HashSizeInBytes..];
        try
        {
            HMACSHA256.HashData(Encoding.UTF8.GetBytes("TC3" + secretKey), Encoding.UTF8.GetBytes(date), a);
            HMACSHA256.HashData(a, Encoding.UTF8.GetBytes(service), b);
            HMACSHA256.HashData(b, Encoding.UTF8.GetBytes(TerminationString), a);
            Span<byte> signature = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(a, Encoding.UTF8.GetBytes(stringToSign), signature);
            return Convert.ToHexStringLower(signature);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keys);
        }
    }

    /// <summary>The credential scope's date: the UTC date of <paramref name="timestamp"/>, <c>yyyy-MM-dd</c>.</summary>
    public static string FormatDate(long timestamp) =>
        DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>lowercase(hex(SHA256(data)))</c>.</summary>
    public static string HashHex(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, hash);
        return Convert.ToHexStringLower(hash);
    }
}
