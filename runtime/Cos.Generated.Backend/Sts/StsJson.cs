using System.Text.Json.Serialization;

namespace Cos.Generated.Backend.Sts;

/// <summary>The GetFederationToken request body.</summary>
internal sealed class GetFederationTokenBody
{
    public required string Name { get; init; }

    /// <summary>The policy JSON, URL-encoded: STS URL-decodes this field.</summary>
    public required string Policy { get; init; }

    public long DurationSeconds { get; init; }
}

/// <summary><c>{"Response":{...}}</c>, the envelope of every API 3.0 answer.</summary>
internal sealed class StsEnvelope
{
    public StsResponse? Response { get; init; }
}

internal sealed class StsResponse
{
    public StsCredentials? Credentials { get; init; }

    public long? ExpiredTime { get; init; }

    public string? Expiration { get; init; }

    public string? RequestId { get; init; }

    public StsError? Error { get; init; }
}

internal sealed class StsCredentials
{
    public string? Token { get; init; }

    public string? TmpSecretId { get; init; }

    public string? TmpSecretKey { get; init; }
}

internal sealed class StsError
{
    public string? Code { get; init; }

    public string? Message { get; init; }
}

/// <summary>Source-generated JSON (no reflection) for the STS wire format.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(GetFederationTokenBody))]
[JsonSerializable(typeof(StsEnvelope))]
internal sealed partial class StsJsonContext : JsonSerializerContext;
