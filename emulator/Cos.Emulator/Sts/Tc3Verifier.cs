using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Cos.Emulator.Sts;

/// <summary>
/// Verifies a TC3-HMAC-SHA256 (API 3.0 "Signature v3") request as TencentCloud does: known permanent key, a
/// timestamp within five minutes, the credential scope's date and service, the listed headers present, and the
/// signature recomputed from the canonical request. Written apart from the SDK's signer on purpose, so that a
/// mistake in one is not silently mirrored in the other.
/// </summary>
internal sealed class Tc3Verifier
{
    public const string Algorithm = "TC3-HMAC-SHA256";

    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public Tc3Verifier(CosEmulatorOptions options)
    {
        _keys[options.SecretId] = options.SecretKey;
        foreach (var key in options.AdditionalKeys)
        {
            _keys[key.SecretId] = key.SecretKey;
        }

        _time = options.TimeProvider;
    }

    /// <summary>Returns the SecretId that signed the request; throws an <see cref="StsErrorException"/> otherwise.</summary>
    public string Verify(HttpRequest request, string rawQuery, ReadOnlySpan<byte> body, string service)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            throw StsErrorException.InvalidAuthorization($"The Authorization must start with '{Algorithm} '.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[(Algorithm.Length + 1)..].Split(','))
        {
            var equals = part.IndexOf('=');
            if (equals > 0)
            {
                fields[part[..equals].Trim()] = part[(equals + 1)..].Trim();
            }
        }

        if (!fields.TryGetValue("Credential", out var credential) || !fields.TryGetValue("SignedHeaders", out var signedHeaders) || !fields.TryGetValue("Signature", out var signature))
        {
            throw StsErrorException.InvalidAuthorization("The Authorization needs Credential, SignedHeaders and Signature.");
        }

        var scope = credential.Split('/');
        if (scope.Length != 4 || scope[3] != "tc3_request")
        {
            throw StsErrorException.InvalidAuthorization($"The Credential '{credential}' is not SecretId/Date/service/tc3_request.");
        }

        var (secretId, date, scopeService) = (scope[0], scope[1], scope[2]);
        if (scopeService != service)
        {
            throw StsErrorException.InvalidAuthorization($"The credential scope names the service '{scopeService}', not '{service}'.");
        }

        if (!long.TryParse(request.Headers["X-TC-Timestamp"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            throw StsErrorException.MissingParameter("The X-TC-Timestamp header is missing or not Unix seconds.");
        }

        var now = _time.GetUtcNow();
        var sent = DateTimeOffset.FromUnixTimeSeconds(timestamp);
        if ((now - sent).Duration() > MaxSkew)
        {
            throw StsErrorException.SignatureExpire($"The signature expired: the timestamp {timestamp} is more than five minutes from the server time {now.ToUnixTimeSeconds()}.");
        }

        var expectedDate = sent.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (date != expectedDate)
        {
            throw StsErrorException.SignatureFailure($"The credential date {date} is not the UTC date of X-TC-Timestamp ({expectedDate}).");
        }

        if (!_keys.TryGetValue(secretId, out var secretKey))
        {
            throw StsErrorException.SecretIdNotFound($"The SecretId '{secretId}' is not found; only permanent keys may call STS.");
        }

        var names = signedHeaders.Split(';');
        if (!names.Contains("content-type") || !names.Contains("host"))
        {
            throw StsErrorException.InvalidAuthorization("SignedHeaders must include content-type and host.");
        }

        var canonicalHeaders = new StringBuilder();
        foreach (var name in names)
        {
            var value = name == "host" ? request.Headers.Host.ToString() : request.Headers[name].ToString();
            if (value.Length == 0)
            {
                throw StsErrorException.SignatureFailure($"The signed header '{name}' is missing from the request.");
            }

            canonicalHeaders.Append(name).Append(':').Append(value.Trim().ToLowerInvariant()).Append('\n');
        }

        var canonicalRequest = $"{request.Method}\n/\n{rawQuery}\n{canonicalHeaders}\n{signedHeaders}\n{Sha256Hex(body)}";
        var stringToSign = $"{Algorithm}\n{timestamp}\n{date}/{service}/tc3_request\n{Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest))}";
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("TC3" + secretKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        key = HMACSHA256.HashData(key, "tc3_request"u8);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature.ToLowerInvariant())))
        {
            throw StsErrorException.SignatureFailure("The provided credentials could not be validated. Please check your signature is correct.");
        }

        return secretId;
    }

    private static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
