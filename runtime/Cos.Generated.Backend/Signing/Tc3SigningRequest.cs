namespace Cos.Generated.Backend.Signing;

/// <summary>
/// What <see cref="Tc3Signer"/> signs: one TencentCloud API 3.0 request. <see cref="ToString"/> never shows the
/// secret key.
/// </summary>
public sealed class Tc3SigningRequest
{
    /// <summary>The SecretId; it appears in the <c>Credential</c> of the Authorization.</summary>
    public required string SecretId { get; init; }

    /// <summary>The SecretKey. Never printed.</summary>
    public required string SecretKey { get; init; }

    /// <summary>The product, as in its domain: <c>sts</c> for <c>sts.tencentcloudapi.com</c>, <c>cvm</c> for CVM.</summary>
    public required string Service { get; init; }

    /// <summary>The request time in Unix seconds: the <c>X-TC-Timestamp</c> header; its UTC date is in the credential scope.</summary>
    public required long Timestamp { get; init; }

    /// <summary>
    /// The headers to sign, at least <c>content-type</c> and <c>host</c>, with the values sent. Names are signed
    /// lower-cased and sorted; values trimmed and lower-cased, as the signature v3 document prescribes.
    /// </summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    /// <summary>The exact request body (empty for GET).</summary>
    public ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>The HTTP method. Default <c>POST</c>.</summary>
    public string Method { get; init; } = "POST";

    /// <summary>The URI path; always <c>/</c> for API 3.0.</summary>
    public string CanonicalUri { get; init; } = "/";

    /// <summary>The URL-encoded query string of a GET; empty for POST.</summary>
    public string CanonicalQueryString { get; init; } = string.Empty;

    /// <summary>Describes the request without the secret key.</summary>
    public override string ToString() =>
        $"Tc3SigningRequest {{ SecretId = {SecretId}, SecretKey = ***, Service = {Service}, Timestamp = {Timestamp}, Method = {Method}, Headers = {Headers.Count}, Payload = {Payload.Length} bytes }}";
}
