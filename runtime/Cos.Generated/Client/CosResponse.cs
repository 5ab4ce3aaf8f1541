namespace Cos.Generated;

/// <summary>Base of every generated response type.</summary>
public abstract class CosResponse
{
    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; init; }

    /// <summary>The <c>x-cos-request-id</c> header; quote it when asking Tencent Cloud for support.</summary>
    public string? RequestId { get; init; }
}
