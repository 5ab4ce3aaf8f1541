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

    /// <summary>
    /// Further keys that need <see cref="Action"/> as <see cref="Prefix"/> does: a batch delete names every key it deletes
    /// (the JavaScript SDK sends one <c>Scope</c> entry per key). Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> AdditionalKeys { get; init; } = [];

    /// <summary>The scope as the JavaScript SDK's <c>Scope</c> array: the copy source (if any), then this request's own entries.</summary>
    public IReadOnlyList<CosCredentialScope> ToEntries()
    {
        var own = this with { CopySource = null, AdditionalKeys = [] };
        var entries = new List<CosCredentialScope>(2 + AdditionalKeys.Count);
        if (CopySource is { } source)
        {
            entries.Add(source);
        }

        entries.Add(own);
        foreach (var key in AdditionalKeys)
        {
            entries.Add(own with { Prefix = key });
        }

        return entries;
    }

    /// <summary>Equal when every entry is: equal scopes share a cached key.</summary>
    public bool Equals(CosCredentialScope? other) =>
        other is not null
        && Action == other.Action && Bucket == other.Bucket && Region == other.Region && Prefix == other.Prefix
        && Equals(CopySource, other.CopySource)
        && AdditionalKeys.SequenceEqual(other.AdditionalKeys, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Action);
        hash.Add(Bucket);
        hash.Add(Region);
        hash.Add(Prefix);
        hash.Add(CopySource);
        foreach (var key in AdditionalKeys)
        {
            hash.Add(key);
        }

        return hash.ToHashCode();
    }

    /// <summary>
    /// The scope of <paramref name="request"/> from its operation's row (<see cref="CosOperation.CamAction"/> and where its
    /// resource key comes from); <paramref name="defaultRegion"/> when it names no region.
    /// </summary>
    internal static CosCredentialScope For(CosHttpRequest request, string? defaultRegion)
    {
        var operation = request.Operation;
        var keys = operation.CamEachKey ? request.CamKeys ?? [] : [];
        var prefix = keys.Count > 0 ? keys[0]
            : operation.CamResourceQuery is { } query ? QueryValue(request, query)
            : request.Key ?? string.Empty;
        return new(operation.CamAction, request.Bucket ?? string.Empty, request.Region ?? defaultRegion ?? string.Empty, prefix)
        {
            CopySource = operation.CopySourceHeader is { } header ? ParseCopySource(request.GetHeader(header)) : null,
            AdditionalKeys = keys.Count > 1 ? keys.Skip(1).ToArray() : [],
        };
    }

    private static string QueryValue(CosHttpRequest request, string name)
    {
        foreach (var (key, value) in request.Query)
        {
            if (key == name)
            {
                return value ?? string.Empty;
            }
        }

        return string.Empty;
    }

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
}
