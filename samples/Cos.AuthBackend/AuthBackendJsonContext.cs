using System.Text.Json.Serialization;

namespace Cos.AuthBackend;

/// <summary>Source-generated JSON for the sample's own types; the contracts come from <c>CosBackendJsonContext</c>.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(CosScope[]))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class AuthBackendJsonContext : JsonSerializerContext;
