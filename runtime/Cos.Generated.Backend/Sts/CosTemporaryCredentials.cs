using Cos.Generated.Backend.Contracts;
using Cos.Generated.Credentials;

namespace Cos.Generated.Backend.Sts;

/// <summary>
/// Temporary keys issued by STS: sign with <see cref="TmpSecretId"/>/<see cref="TmpSecretKey"/> and send
/// <see cref="SessionToken"/> as <c>x-cos-security-token</c> until <see cref="ExpiredTime"/>.
/// <see cref="ToString"/> hides the key and token.
/// </summary>
public sealed class CosTemporaryCredentials
{
    internal CosTemporaryCredentials(string tmpSecretId, string tmpSecretKey, string sessionToken, DateTimeOffset startTime, DateTimeOffset expiredTime, string? expiration, string? requestId)
    {
        TmpSecretId = tmpSecretId;
        TmpSecretKey = tmpSecretKey;
        SessionToken = sessionToken;
        StartTime = startTime;
        ExpiredTime = expiredTime;
        Expiration = expiration;
        RequestId = requestId;
    }

    /// <summary>The temporary SecretId.</summary>
    public string TmpSecretId { get; }

    /// <summary>The temporary SecretKey. Never printed.</summary>
    public string TmpSecretKey { get; }

    /// <summary>The token (STS <c>Token</c>), sent as <c>x-cos-security-token</c>. Never printed.</summary>
    public string SessionToken { get; }

    /// <summary>When the request for the keys was signed (its <c>X-TC-Timestamp</c>).</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>When the keys expire (STS <c>ExpiredTime</c>).</summary>
    public DateTimeOffset ExpiredTime { get; }

    /// <summary>STS's <c>Expiration</c> text (ISO 8601, UTC), when it sent one.</summary>
    public string? Expiration { get; }

    /// <summary>The STS <c>RequestId</c>.</summary>
    public string? RequestId { get; }

    /// <summary>As Cos.Generated credentials, for a <c>CosClient</c> or a <c>CosBrowserSigner</c>.</summary>
    public CosCredentials ToCosCredentials() => new(TmpSecretId, TmpSecretKey, SessionToken, StartTime, ExpiredTime);

    /// <summary>As the JSON a browser's cos-js-sdk-v5 <c>getAuthorization</c> reads (see <see cref="CosBackendJsonContext"/>).</summary>
    public CosTemporaryKeyResponse ToTemporaryKeyResponse() => new()
    {
        Credentials = new CosTemporaryKeyCredentials { TmpSecretId = TmpSecretId, TmpSecretKey = TmpSecretKey, SessionToken = SessionToken },
        StartTime = StartTime.ToUnixTimeSeconds(),
        ExpiredTime = ExpiredTime.ToUnixTimeSeconds(),
    };

    /// <summary>The key id and validity; the secret and token are redacted.</summary>
    public override string ToString() =>
        $"CosTemporaryCredentials {{ TmpSecretId = {TmpSecretId}, TmpSecretKey = ***, SessionToken = ***, StartTime = {StartTime:O}, ExpiredTime = {ExpiredTime:O}, RequestId = {RequestId} }}";
}
