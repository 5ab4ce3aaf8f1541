using Cos.Generated.Pipeline;

namespace Cos.Generated;

/// <summary>The COS client; the operation methods are generated from <c>spec/cos.api.json</c>.</summary>
public sealed partial class CosClient
{
    internal CosPipeline Pipeline { get; } = new();
}
