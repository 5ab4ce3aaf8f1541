using System.Text.Json.Serialization;

namespace Cos.Generated.Credentials;

/// <summary>
/// A temporary-key backend's answer, as the JavaScript SDK's sample servers (and the STS SDKs) return it:
/// <c>{"credentials":{"tmpSecretId","tmpSecretKey","sessionToken"},"startTime","expiredTime"}</c>, times in Unix seconds.
/// </summary>
internal sealed class TemporaryKeyResponse
{
    [JsonPropertyName("credentials")]
    public TemporaryKeyJson? Credentials { get; set; }

    [JsonPropertyName("startTime")]
    public long? StartTime { get; set; }

    [JsonPropertyName("expiredTime")]
    public long? ExpiredTime { get; set; }
}

/// <summary>The <c>credentials</c> object of <see cref="TemporaryKeyResponse"/>.</summary>
internal sealed class TemporaryKeyJson
{
    [JsonPropertyName("tmpSecretId")]
    public string? TmpSecretId { get; set; }

    [JsonPropertyName("tmpSecretKey")]
    public string? TmpSecretKey { get; set; }

    [JsonPropertyName("sessionToken")]
    public string? SessionToken { get; set; }
}

/// <summary>One entry of the scope posted to a <c>ScopeLimit</c> temporary-key backend (the JS SDK's <c>Scope</c> items).</summary>
internal sealed class ScopeJson
{
    [JsonPropertyName("action")]
    public string Action { get; set; } = "";

    [JsonPropertyName("bucket")]
    public string Bucket { get; set; } = "";

    [JsonPropertyName("region")]
    public string Region { get; set; } = "";

    [JsonPropertyName("prefix")]
    public string Prefix { get; set; } = "";
}

/// <summary>What is posted to a signature backend: the JS SDK's <c>{method, pathname, query, headers}</c>.</summary>
internal sealed class SignatureRequestJson
{
    [JsonPropertyName("method")]
    public string Method { get; set; } = "";

    [JsonPropertyName("pathname")]
    public string Pathname { get; set; } = "";

    [JsonPropertyName("query")]
    public Dictionary<string, string> Query { get; set; } = [];

    [JsonPropertyName("headers")]
    public Dictionary<string, string> Headers { get; set; } = [];
}

/// <summary>A signature backend's answer: <c>{authorization, securityToken?}</c> (<c>sessionToken</c> is read too).</summary>
internal sealed class SignatureResponseJson
{
    [JsonPropertyName("authorization")]
    public string? Authorization { get; set; }

    [JsonPropertyName("securityToken")]
    public string? SecurityToken { get; set; }

    [JsonPropertyName("sessionToken")]
    public string? SessionToken { get; set; }
}

/// <summary>Source-generated JSON metadata of the backend contracts (no reflection: trim- and AOT-safe).</summary>
[JsonSerializable(typeof(TemporaryKeyResponse))]
[JsonSerializable(typeof(List<ScopeJson>))]
[JsonSerializable(typeof(SignatureRequestJson))]
[JsonSerializable(typeof(SignatureResponseJson))]
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
internal sealed partial class CredentialBackendJsonContext : JsonSerializerContext;
