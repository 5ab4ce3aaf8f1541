namespace Cos.Generated;

/// <summary>Base of every generated request type.</summary>
public abstract class CosRequest
{
    /// <summary>The bucket's region (<c>ap-guangzhou</c>); when null, <c>CosClientOptions.Region</c> is used.</summary>
    public string? Region { get; init; }
}
