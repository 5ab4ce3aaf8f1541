namespace Cos.Generated.Credentials;

/// <summary>
/// A SecretId/SecretKey pair, optionally temporary (STS): then with a <see cref="SecurityToken"/>
/// and the validity window the STS service returned.
/// </summary>
public sealed class CosCredentials
{
    /// <summary>Creates credentials.</summary>
    /// <param name="secretId">The SecretId (<c>AKID…</c>).</param>
    /// <param name="secretKey">The SecretKey.</param>
    /// <param name="securityToken">The token of a temporary key; sent as <c>x-cos-security-token</c>, never signed.</param>
    /// <param name="startTime">For temporary keys: when the key became valid. Used as the start of the signature's key time.</param>
    /// <param name="expiredTime">For temporary keys: when the key expires. Used as the end of the signature's key time.</param>
    public CosCredentials(string secretId, string secretKey, string? securityToken = null, DateTimeOffset? startTime = null, DateTimeOffset? expiredTime = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretId);
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        if (startTime is { } start && expiredTime is { } end && end <= start)
        {
            throw new ArgumentException("The credentials' ExpiredTime must be after their StartTime.", nameof(expiredTime));
        }

        SecretId = secretId;
        SecretKey = secretKey;
        SecurityToken = string.IsNullOrEmpty(securityToken) ? null : securityToken;
        StartTime = startTime;
        ExpiredTime = expiredTime;
    }

    /// <summary>The SecretId; it appears in every signature as <c>q-ak</c>.</summary>
    public string SecretId { get; }

    /// <summary>The SecretKey. Never sent, logged or shown by <see cref="ToString"/>.</summary>
    public string SecretKey { get; }

    /// <summary>The temporary key's token, or null for permanent keys.</summary>
    public string? SecurityToken { get; }

    /// <summary>When a temporary key became valid, or null.</summary>
    public DateTimeOffset? StartTime { get; }

    /// <summary>When a temporary key expires, or null.</summary>
    public DateTimeOffset? ExpiredTime { get; }

    /// <summary>Shows the SecretId and the validity window; the key and token are redacted.</summary>
    public override string ToString() =>
        $"CosCredentials {{ SecretId = {SecretId}, SecretKey = ***, SecurityToken = {(SecurityToken is null ? "(none)" : "***")}"
        + (StartTime is { } s ? $", StartTime = {s:O}" : string.Empty)
        + (ExpiredTime is { } e ? $", ExpiredTime = {e:O}" : string.Empty)
        + " }";
}
