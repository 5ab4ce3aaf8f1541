using System.Text.Json.Serialization;

namespace Cos.Generated.Backend.Contracts;

/// <summary>
/// What a browser posts to a signing backend: the cos-js-sdk-v5 <c>getAuthorization</c> options it signs,
/// <c>{"method":"PUT","pathname":"/photos/a.jpg","query":{...},"headers":{...}}</c>. Query and header values
/// may be JSON strings, numbers or booleans (the SDK passes <c>partNumber</c> as a number).
/// </summary>
public sealed class CosSignRequest
{
    /// <summary>The HTTP method, e.g. <c>PUT</c>.</summary>
    [JsonPropertyName("method")]
    public string? Method { get; init; }

    /// <summary><c>/</c> followed by the raw (not URL-encoded) object key; <c>/</c> for bucket requests.</summary>
    [JsonPropertyName("pathname")]
    public string? Pathname { get; init; }

    /// <summary>The query parameters, raw names and values.</summary>
    [JsonPropertyName("query")]
    [JsonConverter(typeof(StringMapConverter))]
    public Dictionary<string, string?>? Query { get; init; }

    /// <summary>The request headers, including <c>Host</c> when the SDK signs it.</summary>
    [JsonPropertyName("headers")]
    [JsonConverter(typeof(StringMapConverter))]
    public Dictionary<string, string?>? Headers { get; init; }

    /// <summary>Method and pathname.</summary>
    public override string ToString() => $"CosSignRequest {{ {Method} {Pathname} }}";
}
