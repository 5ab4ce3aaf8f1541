using Cos.Generated.Protocol;

namespace Cos.Generated.Credentials;

/// <summary>
/// What one request needs permission for, as the JavaScript SDK passes it to <c>getAuthorization</c>
/// (<c>Scope: [{action, bucket, region, prefix}]</c>): a temporary-key backend can mint a key limited to it
/// (<c>ScopeLimit</c>). A record, so equal scopes share a cached key.
/// </summary>
/// <param name="Action">The CAM action, <c>name/cos:PutObject</c>.</param>
/// <param name="Bucket">The bucket, <c>name-appid</c>; empty for service requests.</param>
/// <param name="Region">The region; empty when neither the request nor the client names one.</param>
/// <param name="Prefix">The object key (the resource prefix of the policy); empty for bucket and service requests.</param>
public sealed record CosCredentialScope(string Action, string Bucket, string Region, string Prefix)
{
    /// <summary>The prefix of every COS CAM action.</summary>
    public const string ActionPrefix = "name/cos:";

    /// <summary>
    /// For a copy (<c>PutObjectCopy</c>, <c>UploadPartCopy</c>): <c>name/cos:GetObject</c> on the source object,
    /// which the copy also needs. The JavaScript SDK sends it first in its <c>Scope</c> array; null otherwise.
    /// </summary>
    public CosCredentialScope? CopySource { get; init; }

    /// <summary>The scope as the JavaScript SDK's <c>Scope</c> array: the copy source (if any), then this request's own entry.</summary>
    public IReadOnlyList<CosCredentialScope> ToEntries() =>
        CopySource is { } source ? [source, this with { CopySource = null }] : [this];

    /// <summary>The scope of <paramref name="request"/>; <paramref name="defaultRegion"/> when it names no region.</summary>
    internal static CosCredentialScope For(CosHttpRequest request, string? defaultRegion) =>
        new(ActionPrefix + ActionName(request.OperationName), request.Bucket ?? string.Empty, request.Region ?? defaultRegion ?? string.Empty, request.Key ?? string.Empty)
        {
            CopySource = request.OperationName is "PutObjectCopy" or "UploadPartCopy" ? ParseCopySource(request.GetHeader("x-cos-copy-source")) : null,
        };

    /// <summary>
    /// GetObject on the object an <c>x-cos-copy-source</c> names (<c>{bucket}.cos.{region}.{domain}/{encoded key}[?versionId=…]</c>,
    /// as the JavaScript SDK's <c>getSourceParams</c> reads it); null when it is not in that form.
    /// </summary>
    internal static CosCredentialScope? ParseCopySource(string? copySource)
    {
        if (string.IsNullOrEmpty(copySource))
        {
            return null;
        }

        var slash = copySource.IndexOf('/', StringComparison.Ordinal);
        var host = slash > 0 ? copySource[..slash].Split('.') : [];
        if (host.Length < 4 || !host[1].StartsWith("cos", StringComparison.Ordinal) || slash == copySource.Length - 1)
        {
            return null;
        }

        var path = copySource[(slash + 1)..];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var key = Uri.UnescapeDataString(query < 0 ? path : path[..query]);
        return new CosCredentialScope(ActionPrefix + "GetObject", host[0], host[2], key);
    }

    /// <summary>The CAM action name of an operation: the operation name, except where COS authorizes it as another action.</summary>
    private static string ActionName(string operationName) => operationName switch
    {
        // As the JavaScript SDK scopes them: a batch delete needs DeleteObject, a copy PutObject on the target.
        "DeleteMultipleObjects" => "DeleteObject",
        "PutObjectCopy" or "UploadPartCopy" => "PutObject",
        _ => operationName,
    };
}
