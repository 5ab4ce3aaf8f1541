using System.Text.Json.Serialization;

namespace Cos.Generated.Backend.Contracts;

/// <summary>
/// A temporary-key backend's answer in the shape the cos-js-sdk-v5 samples read:
/// <c>{"credentials":{"tmpSecretId","tmpSecretKey","sessionToken"},"startTime","expiredTime"}</c> (Unix seconds).
/// <see cref="ToString"/> hides the key and token.
/// </summary>
public sealed class CosTemporaryKeyResponse
{
    /// <summary>The temporary key.</summary>
    [JsonPropertyName("credentials")]
    public required CosTemporaryKeyCredentials Credentials { get; init; }

    /// <summary>When the key became valid, Unix seconds.</summary>
    [JsonPropertyName("startTime")]
    public long StartTime { get; init; }

    /// <summary>When the key expires, Unix seconds.</summary>
    [JsonPropertyName("expiredTime")]
    public long ExpiredTime { get; init; }

    /// <summary>The key id and validity; the secret and token are redacted.</summary>
    public override string ToString() =>
        $"CosTemporaryKeyResponse {{ TmpSecretId = {Credentials.TmpSecretId}, TmpSecretKey = ***, SessionToken = ***, StartTime = {StartTime}, ExpiredTime = {ExpiredTime} }}";
}

/// <summary>The <c>credentials</c> of a <see cref="CosTemporaryKeyResponse"/>. <see cref="ToString"/> hides the key and token.</summary>
public sealed class CosTemporaryKeyCredentials
{
    /// <summary>The temporary SecretId.</summary>
    [JsonPropertyName("tmpSecretId")]
    public required string TmpSecretId { get; init; }

    /// <summary>The temporary SecretKey.</summary>
    [JsonPropertyName("tmpSecretKey")]
    public required string TmpSecretKey { get; init; }

    /// <summary>The token to send as <c>x-cos-security-token</c>.</summary>
    [JsonPropertyName("sessionToken")]
    public required string SessionToken { get; init; }

    /// <summary>The key id; the secret and token are redacted.</summary>
    public override string ToString() => $"CosTemporaryKeyCredentials {{ TmpSecretId = {TmpSecretId}, TmpSecretKey = ***, SessionToken = *** }}";
}
