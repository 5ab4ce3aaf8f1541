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

    /// <summary>The scope of <paramref name="request"/>; <paramref name="defaultRegion"/> when it names no region.</summary>
    internal static CosCredentialScope For(CosHttpRequest request, string? defaultRegion) =>
        new(ActionPrefix + ActionName(request.OperationName), request.Bucket ?? string.Empty, request.Region ?? defaultRegion ?? string.Empty, request.Key ?? string.Empty);

    /// <summary>The CAM action name of an operation: the operation name, except where COS authorizes it as another action.</summary>
    private static string ActionName(string operationName) => operationName switch
    {
        // As the JavaScript SDK scopes them: a batch delete needs DeleteObject, a copy PutObject on the target.
        "DeleteMultipleObjects" => "DeleteObject",
        "PutObjectCopy" or "UploadPartCopy" => "PutObject",
        _ => operationName,
    };
}
