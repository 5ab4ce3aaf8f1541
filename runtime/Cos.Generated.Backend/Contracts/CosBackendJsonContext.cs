using System.Text.Json.Serialization;

namespace Cos.Generated.Backend.Contracts;

/// <summary>
/// Source-generated (reflection-free, NativeAOT-safe) JSON for the backend contracts a browser talks to:
/// <c>JsonSerializer.Serialize(response, CosBackendJsonContext.Default.CosSignResponse)</c>, or pass
/// <c>CosBackendJsonContext.Default</c> to ASP.NET Core's <c>TypeInfoResolverChain</c>.
/// </summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(CosSignRequest))]
[JsonSerializable(typeof(CosSignResponse))]
[JsonSerializable(typeof(CosTemporaryKeyResponse))]
public sealed partial class CosBackendJsonContext : JsonSerializerContext;
