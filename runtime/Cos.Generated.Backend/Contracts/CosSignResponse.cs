using System.Text.Json.Serialization;

namespace Cos.Generated.Backend.Contracts;

/// <summary>
/// A signing backend's answer, <c>{"authorization":"q-sign-algorithm=sha1&amp;...","securityToken":"..."}</c>:
/// the browser's <c>getAuthorization</c> callback passes them on as <c>{ Authorization, SecurityToken }</c>.
/// <see cref="ToString"/> hides the token.
/// </summary>
public sealed class CosSignResponse
{
    /// <summary>The COS <c>Authorization</c> header value.</summary>
    [JsonPropertyName("authorization")]
    public required string Authorization { get; init; }

    /// <summary>The <c>x-cos-security-token</c> when the backend signs with a temporary key; omitted otherwise.</summary>
    [JsonPropertyName("securityToken")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SecurityToken { get; init; }

    /// <summary>Shows the authorization; the token is redacted.</summary>
    public override string ToString() =>
        $"CosSignResponse {{ Authorization = {Authorization}, SecurityToken = {(SecurityToken is null ? "(none)" : "***")} }}";
}
