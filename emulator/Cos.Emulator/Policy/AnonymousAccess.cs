using Cos.Emulator.Auth;
using Cos.Emulator.Errors;
using Cos.Emulator.Operations;
using Cos.Emulator.Routing;
using Cos.Emulator.Storage;
using Cos.Generated;
using Microsoft.AspNetCore.Http;

namespace Cos.Emulator.Policy;

/// <summary>
/// Which unsigned requests COS lets through because of an ACL: reads (GET and HEAD of an object, GET and HEAD of a
/// bucket) where the ACL grants everyone (<c>AllUsers</c>) READ, as <c>public-read</c> does, and writes of objects
/// (PUT, DELETE) where the bucket grants everyone WRITE (<c>public-read-write</c>). An object with an ACL of its own
/// is judged by it (an object set <c>private</c> in a public bucket stays private); one without, or a missing one, by
/// its bucket's. Everything else unsigned is refused by the authenticator.
/// </summary>
internal static class AnonymousAccess
{
    private const string AllUsers = CosOperationHandlers.AllUsers;
    private const string AclName = CosOperationHandlers.AclName;

    public static bool Allows(HttpRequest request, string operation, CosRoute route, IObjectStore store)
    {
        if (route.Bucket is null || CosAuthenticator.IsSigned(request) || store.GetBucket(route.Bucket) is null)
        {
            return false;
        }

        return operation switch
        {
            "GetObject" or "HeadObject" => Grants(ObjectAcl(store, route, request) ?? BucketAcl(store, route.Bucket), Permission.Read),
            "GetBucket" or "HeadBucket" => Grants(BucketAcl(store, route.Bucket), Permission.Read),
            "PutObject" or "DeleteObject" => Grants(BucketAcl(store, route.Bucket), Permission.Write),
            _ => false,
        };
    }

    private static bool Grants(IReadOnlyList<Grant>? grants, Permission permission) =>
        grants is not null && grants.Any(g => g.Grantee.URI == AllUsers && (g.Permission == permission || g.Permission == Permission.FullControl));

    private static IReadOnlyList<Grant>? BucketAcl(IObjectStore store, string bucket) =>
        store.GetConfiguration(bucket, string.Empty, AclName) is { } document ? GetBucketAclWire.FromDocument(document).Grants : null;

    /// <summary>The grants of the object's own ACL (of the version the request names); null when it has none or is missing.</summary>
    private static IReadOnlyList<Grant>? ObjectAcl(IObjectStore store, CosRoute route, HttpRequest request)
    {
        try
        {
            var versionId = request.Query.TryGetValue("versionId", out var value) && value.Count > 0 ? value.ToString() : null;
            return store.GetConfiguration(route.Bucket!, route.Key, AclName, versionId) is { } document ? GetObjectAclWire.FromDocument(document).Grants : null;
        }
        catch (CosErrorException)
        {
            // A missing object (or version, or a delete marker): the bucket decides, and the handler answers 404.
            return null;
        }
    }
}
