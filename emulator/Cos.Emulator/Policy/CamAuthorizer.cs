using System.Collections.Frozen;
using Cos.Emulator.Errors;
using Cos.Emulator.Operations;
using Cos.Emulator.Routing;
using Cos.Emulator.Storage;
using Cos.Emulator.Sts;
using Cos.Generated;
using Cos.Generated.Protocol;
using Microsoft.AspNetCore.Http;

namespace Cos.Emulator.Policy;

/// <summary>
/// Enforces the policy of a temporary key issued by the emulator's STS. Each operation needs the CAM action of its row
/// in the operation table generated from the spec (<see cref="CosOperations"/>, the same rows the client scopes its
/// keys by) on its resource, <c>qcs::cos:{region}:uid/{appid}:{bucket}/{key}</c>: the object key, or the query
/// parameter the row names (a listing's <c>prefix</c>), or each key of the body (a batch delete, checked by its
/// handler through <see cref="CamGrant"/>). A copy also needs GetObject on its source. Permanent keys and statically
/// configured temporary keys are not limited.
/// </summary>
internal static class CamAuthorizer
{
    private static readonly FrozenDictionary<string, CosOperation> Rows = CosOperations.All.ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);

    /// <summary>Checks the request's own resource; returns the key's grant for checks a handler makes, or null when the key is not limited.</summary>
    public static CamGrant? Authorize(IssuedKeys issued, string secretId, string operation, CosRoute route, HttpRequest request, IObjectStore store)
    {
        if (issued.Find(secretId) is not { } key || !Rows.TryGetValue(operation, out var row))
        {
            return null;
        }

        var grant = new CamGrant(key, route.Region, store);
        if (!row.CamEachKey)
        {
            var objectKey = row.CamResourceQuery is { } query ? route.Get(query) ?? string.Empty : route.Key;
            grant.Require(row.CamAction, route.Bucket, objectKey);
        }

        if (row.CopySourceHeader is { } header)
        {
            var source = CopySource.Parse(request.Headers[header].ToString());
            grant.Require(CosOperations.GetObject.CamAction, source.Bucket, source.Key);
        }

        return grant;
    }
}

/// <summary>What a limited temporary key may do: its policy over the emulator's resource names.</summary>
internal sealed class CamGrant(IssuedKey key, string? hostRegion, IObjectStore store)
{
    public bool IsAllowed(string action, string? bucket, string objectKey) => key.Policy.IsAllowed(action, Resources(bucket, objectKey));

    public void Require(string action, string? bucket, string objectKey)
    {
        if (!IsAllowed(action, bucket, objectKey))
        {
            var what = bucket is null ? "the service" : $"{bucket}/{objectKey}";
            throw CosErrors.AccessDenied($"Access Denied: the temporary key's policy does not allow {action} on {what}.");
        }
    }

    /// <summary>The resource names of a request: the current form and the older <c>prefix//{appid}/{short name}/{key}</c> form.</summary>
    private IReadOnlyList<string> Resources(string? bucket, string objectKey)
    {
        if (bucket is null)
        {
            return ["*"];
        }

        var region = store.GetBucket(bucket)?.Region ?? hostRegion ?? string.Empty;
        var dash = bucket.LastIndexOf('-');
        var appId = dash < 0 ? string.Empty : bucket[(dash + 1)..];
        var shortName = dash < 0 ? bucket : bucket[..dash];
        return
        [
            $"qcs::cos:{region}:uid/{appId}:{bucket}/{objectKey}",
            $"qcs::cos:{region}:uid/{appId}:prefix//{appId}/{shortName}/{objectKey}",
        ];
    }
}
