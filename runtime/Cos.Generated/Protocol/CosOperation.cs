namespace Cos.Generated.Protocol;

/// <summary>
/// One operation of a spec as a row of its generated operation table (<c>CosOperations</c>): how it is routed, how
/// safe it is to repeat, and which CAM action authorizes it. The client, the emulator and the backend read these
/// rows instead of keeping per-operation facts of their own.
/// </summary>
public sealed class CosOperation
{
    /// <summary>The spec's operation name (<c>PutObject</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The HTTP method.</summary>
    public required HttpMethod Method { get; init; }

    /// <summary>The retry class.</summary>
    public required CosOperationSafety Safety { get; init; }

    /// <summary>True when sent to the service endpoint (GetService) rather than a bucket.</summary>
    public bool ServiceScope { get; init; }

    /// <summary>True when the path is an object key (<c>/{Key+}</c>); false for the bucket root.</summary>
    public bool HasKey { get; init; }

    /// <summary>The literal query keys of the URI (<c>?uploads</c>, <c>?select-type=2</c>); a null value is bare.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> SubResources { get; init; } = [];

    /// <summary>Query parameters the operation cannot be sent without (<c>uploadId</c>, <c>partNumber</c>).</summary>
    public IReadOnlyList<string> RequiredQuery { get; init; } = [];

    /// <summary>Headers the operation cannot be sent without (<c>x-cos-copy-source</c>), lower case.</summary>
    public IReadOnlyList<string> RequiredHeaders { get; init; } = [];

    /// <summary>
    /// The CAM action that authorizes the operation, as the official SDKs name it in a ScopeLimit <c>Scope</c>
    /// (<c>name/cos:PutObject</c>; a copy is authorized as PutObject, a batch delete as DeleteObject per key).
    /// </summary>
    public required string CamAction { get; init; }

    /// <summary>
    /// The query parameter whose value is the CAM resource's key (a listing is authorized on its <c>prefix</c>);
    /// null when the resource is the object key, or the bucket itself.
    /// </summary>
    public string? CamResourceQuery { get; init; }

    /// <summary>True when the action is needed on every key the request body names (a batch delete), not on the path.</summary>
    public bool CamEachKey { get; init; }

    /// <summary>The header naming a copy source, which needs <c>name/cos:GetObject</c> too; null when the operation copies nothing.</summary>
    public string? CopySourceHeader { get; init; }

    /// <summary>The method of cos-js-sdk-v5 and cos-nodejs-sdk-v5 that sends the operation (<c>multipartInit</c>), if any.</summary>
    public string? JsSdkMethod { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
