using System.Text.Json.Serialization;

namespace Cos.AuthBackend;

/// <summary>The body of a refusal (400, 401, 403, 502): <c>{"error":"...","reason":"KeyNotAllowed"}</c>.</summary>
public sealed class ErrorResponse
{
    /// <summary>What was refused and why; never a secret.</summary>
    [JsonPropertyName("error")]
    public required string Error { get; init; }

    /// <summary>A machine-readable reason, when there is one.</summary>
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }
}
