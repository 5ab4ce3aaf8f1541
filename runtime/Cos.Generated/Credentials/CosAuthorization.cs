namespace Cos.Generated.Credentials;

/// <summary>
/// A signature computed elsewhere: the <c>Authorization</c> header value and, when it was made with a
/// temporary key, that key's token (sent as <c>x-cos-security-token</c>). <see cref="ToString"/> shows neither.
/// </summary>
public sealed class CosAuthorization
{
    /// <summary>Creates a signature result.</summary>
    /// <param name="authorization">The <c>Authorization</c> value, <c>q-sign-algorithm=sha1&amp;q-ak=…</c>.</param>
    /// <param name="securityToken">The temporary key's token, or null.</param>
    /// <exception cref="ArgumentException">The authorization is empty or contains white space or control characters.</exception>
    public CosAuthorization(string authorization, string? securityToken = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(authorization);
        if (!IsHeaderValue(authorization))
        {
            throw new ArgumentException("The Authorization must not contain white space or control characters.", nameof(authorization));
        }

        if (!string.IsNullOrEmpty(securityToken) && !IsHeaderValue(securityToken))
        {
            throw new ArgumentException("The SecurityToken must not contain white space or control characters.", nameof(securityToken));
        }

        Authorization = authorization;
        SecurityToken = string.IsNullOrEmpty(securityToken) ? null : securityToken;
    }

    /// <summary>The <c>Authorization</c> header value.</summary>
    public string Authorization { get; }

    /// <summary>The temporary key's token, or null.</summary>
    public string? SecurityToken { get; }

    /// <summary>Redacts the signature and token.</summary>
    public override string ToString() => $"CosAuthorization {{ Authorization = ***, SecurityToken = {(SecurityToken is null ? "(none)" : "***")} }}";

    private static bool IsHeaderValue(string value) => !value.Any(static c => c <= ' ' || c == '\x7F');
}
