namespace Cos.Generated.Backend.Signing;

/// <summary>
/// Every intermediate of a TC3-HMAC-SHA256 signature, named as in Tencent Cloud's "Signature v3" document, to
/// compare against it or debug an <c>AuthFailure.SignatureFailure</c>. Holds no secret: the derived signing key is
/// not kept.
/// </summary>
public sealed class Tc3SignatureDetails
{
    internal Tc3SignatureDetails(
        string hashedRequestPayload,
        string canonicalRequest,
        string signedHeaders,
        string credentialScope,
        string hashedCanonicalRequest,
        string stringToSign,
        string signature,
        string authorization)
    {
        HashedRequestPayload = hashedRequestPayload;
        CanonicalRequest = canonicalRequest;
        SignedHeaders = signedHeaders;
        CredentialScope = credentialScope;
        HashedCanonicalRequest = hashedCanonicalRequest;
        StringToSign = stringToSign;
        Signature = signature;
        Authorization = authorization;
    }

    /// <summary><c>lowercase(hex(SHA256(payload)))</c>.</summary>
    public string HashedRequestPayload { get; }

    /// <summary><c>method\nuri\nquery\ncanonicalHeaders\nsignedHeaders\nhashedPayload</c>.</summary>
    public string CanonicalRequest { get; }

    /// <summary>The signed header names, lower-cased, sorted, joined with <c>;</c>.</summary>
    public string SignedHeaders { get; }

    /// <summary><c>{yyyy-MM-dd}/{service}/tc3_request</c>, the date being the timestamp's UTC date.</summary>
    public string CredentialScope { get; }

    /// <summary><c>lowercase(hex(SHA256(CanonicalRequest)))</c>.</summary>
    public string HashedCanonicalRequest { get; }

    /// <summary><c>TC3-HMAC-SHA256\n{timestamp}\n{CredentialScope}\n{HashedCanonicalRequest}</c>.</summary>
    public string StringToSign { get; }

    /// <summary><c>hex(HMAC-SHA256(SecretSigning, StringToSign))</c>.</summary>
    public string Signature { get; }

    /// <summary>The <c>Authorization</c> header value.</summary>
    public string Authorization { get; }

    /// <summary>The intermediates, newlines shown as <c>\n</c>.</summary>
    public override string ToString() =>
        $"CanonicalRequest: {CanonicalRequest.ReplaceLineEndings("\\n")}; StringToSign: {StringToSign.ReplaceLineEndings("\\n")}; Authorization: {Authorization}";
}
