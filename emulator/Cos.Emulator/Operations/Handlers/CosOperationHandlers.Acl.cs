using Cos.Emulator.Errors;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// PUT and GET Bucket acl. The ACL is kept as the document a GET returns (the generated <c>Document</c>/<c>FromDocument</c>
/// of the pair), whether it was put as a body or as a canned ACL and grant headers; a bucket that never had one answers
/// its owner's FULL_CONTROL, as COS does.
/// </summary>
internal sealed partial class CosOperationHandlers
{
    /// <summary>The configuration document an ACL is kept as, on a bucket's or an object's record.</summary>
    internal const string AclName = "acl";

    /// <summary>The group of everyone, anonymous requests included.</summary>
    internal const string AllUsers = "http://cam.qcloud.com/groups/global/AllUsers";
    private const string AuthenticatedUsers = "http://cam.qcloud.com/groups/global/AuthenticatedUsers";

    private partial Task<PutBucketAclResponse> PutBucketAclAsync(PutBucketAclRequest request, OperationContext context)
    {
        RequireBucket(context);
        var headers = request.Acl is not null || request.GrantRead is not null || request.GrantWrite is not null || request.GrantReadAcp is not null
            || request.GrantWriteAcp is not null || request.GrantFullControl is not null;
        var body = IsAclBody(headers, request.Grants is { Count: > 0 } || request.Owner is not null, "PUT Bucket acl");
        var acl = body ? request : new PutBucketAclRequest { Bucket = request.Bucket, Owner = Owner(context), Grants = FromHeaders(request, context) };
        context.Store.PutConfiguration(context.Bucket, string.Empty, AclName, PutBucketAclWire.Document(acl));
        return Task.FromResult(new PutBucketAclResponse());
    }

    private partial Task<GetBucketAclResponse> GetBucketAclAsync(GetBucketAclRequest request, OperationContext context)
    {
        RequireBucket(context);
        var document = context.Store.GetConfiguration(context.Bucket, string.Empty, AclName);
        return Task.FromResult(document is null
            ? new GetBucketAclResponse { Owner = Owner(context), Grants = [Account(Owner(context).ID!, Permission.FullControl)] }
            : GetBucketAclWire.FromDocument(document));
    }

    /// <summary>The grants a canned ACL and the grant headers stand for; the owner keeps FULL_CONTROL.</summary>
    private static List<Grant> FromHeaders(PutBucketAclRequest request, OperationContext context)
    {
        var grants = new List<Grant> { Account(Owner(context).ID!, Permission.FullControl) };
        switch (request.Acl?.Value)
        {
            case null or "private":
                break;
            case "public-read":
                grants.Add(Group(AllUsers, Permission.Read));
                break;
            case "public-read-write":
                grants.Add(Group(AllUsers, Permission.Read));
                grants.Add(Group(AllUsers, Permission.Write));
                break;
            case "authenticated-read":
                grants.Add(Group(AuthenticatedUsers, Permission.Read));
                break;
            case var other:
                throw CosErrors.InvalidArgument($"x-cos-acl '{other}' is not a canned ACL of a bucket.");
        }

        AddHeaderGrants(
            grants,
            (request.GrantRead, Permission.Read),
            (request.GrantWrite, Permission.Write),
            (request.GrantReadAcp, Permission.ReadAcp),
            (request.GrantWriteAcp, Permission.WriteAcp),
            (request.GrantFullControl, Permission.FullControl));
        return grants;
    }

    /// <summary>
    /// Whether a PUT acl carries its ACL as a body; it must carry it as headers (x-cos-acl, x-cos-grant-*) or as a body,
    /// exactly one of the two (InvalidArgument otherwise).
    /// </summary>
    private static bool IsAclBody(bool headers, bool body, string operation) => headers != body
        ? body
        : throw CosErrors.InvalidArgument(headers
            ? $"{operation} takes the ACL either as headers (x-cos-acl, x-cos-grant-*) or as a body, not both."
            : $"{operation} needs x-cos-acl, an x-cos-grant-* header or an AccessControlPolicy body.");

    /// <summary>Adds a grant of its permission for each account an <c>x-cos-grant-*</c> header names.</summary>
    private static void AddHeaderGrants(List<Grant> grants, params (string? Header, Permission Permission)[] headers)
    {
        foreach (var (header, permission) in headers)
        {
            foreach (var id in GrantIds(header))
            {
                grants.Add(Account(id, permission));
            }
        }
    }

    /// <summary>The accounts of an <c>x-cos-grant-*</c> header: <c>id="…"</c> entries separated by commas.</summary>
    private static IEnumerable<string> GrantIds(string? header)
    {
        foreach (var entry in (header ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!entry.StartsWith("id=", StringComparison.Ordinal) || entry.Length < 6 || entry[3] != '"' || entry[^1] != '"')
            {
                throw CosErrors.InvalidArgument($"The grant '{entry}' is not id=\"<account>\".");
            }

            var id = entry[4..^1];
            yield return id.StartsWith("qcs::", StringComparison.Ordinal) ? id : $"qcs::cam::uin/{id}:uin/{id}";
        }
    }

    private static Grant Account(string id, Permission permission) => new() { Grantee = new Grantee { Type = GranteeType.CanonicalUser, ID = id }, Permission = permission };

    private static Grant Group(string uri, Permission permission) => new() { Grantee = new Grantee { Type = GranteeType.Group, URI = uri }, Permission = permission };
}
