namespace Cos.Generated;

/// <summary>Base of every generated request type.</summary>
public abstract class CosRequest
{
    /// <summary>The bucket's region (<c>ap-guangzhou</c>); when null, <c>CosClientOptions.Region</c> is used.</summary>
    public string? Region { get; init; }

    /// <summary>Settings for this call only (timeouts, retries, extra headers, upload progress); null uses the client's.</summary>
    public CosRequestOptions? RequestOptions { get; init; }
}
