using Cos.Emulator.Errors;
using Cos.Emulator.Operations;
using Cos.Emulator.Routing;
using Cos.Emulator.Storage;
using Cos.Emulator.Sts;
using Microsoft.AspNetCore.Http;

namespace Cos.Emulator.Policy;

/// <summary>
/// Enforces the policy of a temporary key issued by the emulator's STS: each operation needs its CAM action
/// (<c>name/cos:{Operation}</c>) on its resource, <c>qcs::cos:{region}:uid/{appid}:{bucket}/{key}</c> (a bucket
/// request's key is empty, a listing's is its <c>prefix</c>; GetService's resource is <c>*</c>). A copy also needs
/// GetObject on its source.
/// Permanent keys and statically configured temporary keys are not limited.
/// </summary>
internal static class CamAuthorizer
{
    public static void Authorize(IssuedKeys issued, string secretId, string operation, CosRoute route, HttpRequest request, IObjectStore store)
    {
        if (issued.Find(secretId) is not { } key)
        {
            return;
        }

        var (action, copies) = operation switch
        {
            "PutObjectCopy" => ("PutObject", true),
            "UploadPartCopy" => ("UploadPart", true),
            _ => (operation, false),
        };

        // Listings are checked on their prefix: a key limited to photos/* may list photos/.
        var objectKey = operation is "GetBucket" or "ListMultipartUploads" ? route.Get("prefix") ?? string.Empty : route.Key;
        Require(key, action, route.Bucket, objectKey, route.Region, store);
        if (copies)
        {
            var source = CopySource.Parse(request.Headers["x-cos-copy-source"].ToString());
            Require(key, "GetObject", source.Bucket, source.Key, null, store);
        }
    }

    private static void Require(IssuedKey key, string operation, string? bucket, string objectKey, string? hostRegion, IObjectStore store)
    {
        var action = "name/cos:" + operation;
        if (!key.Policy.IsAllowed(action, Resources(bucket, objectKey, hostRegion, store)))
        {
            var what = bucket is null ? "the service" : $"{bucket}/{objectKey}";
            throw CosErrors.AccessDenied($"Access Denied: the temporary key's policy does not allow {action} on {what}.");
        }
    }

    /// <summary>The resource names of a request: the current form and the older <c>prefix//{appid}/{short name}/{key}</c> form.</summary>
    private static IReadOnlyList<string> Resources(string? bucket, string key, string? hostRegion, IObjectStore store)
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
            $"qcs::cos:{region}:uid/{appId}:{bucket}/{key}",
            $"qcs::cos:{region}:uid/{appId}:prefix//{appId}/{shortName}/{key}",
        ];
    }
}
