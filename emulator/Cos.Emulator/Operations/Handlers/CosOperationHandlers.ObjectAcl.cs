using Cos.Emulator.Errors;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// PUT and GET Object acl, kept like the bucket's ACL as the document a GET returns, but on the object's record, so a
/// new version of the object starts without one. An object without an ACL of its own (never set, or set to
/// <c>default</c>) answers its owner's FULL_CONTROL.
/// </summary>
internal sealed partial class CosOperationHandlers
{
    private partial Task<PutObjectAclResponse> PutObjectAclAsync(PutObjectAclRequest request, OperationContext context)
    {
        RequireBucket(context);
        var headers = request.Acl is not null || request.GrantRead is not null || request.GrantReadAcp is not null
            || request.GrantWriteAcp is not null || request.GrantFullControl is not null;
        var body = IsAclBody(headers, request.Grants is { Count: > 0 } || request.Owner is not null, "PUT Object acl");

        if (request.Acl?.Value == "default" && request.GrantRead is null && request.GrantReadAcp is null
            && request.GrantWriteAcp is null && request.GrantFullControl is null)
        {
            // The object follows the bucket again: it has no ACL of its own (a missing object still answers NoSuchKey).
            context.Store.DeleteConfiguration(context.Bucket, context.Key, AclName, context.VersionId);
            return Task.FromResult(new PutObjectAclResponse());
        }

        var acl = body ? request : new PutObjectAclRequest { Bucket = request.Bucket, Key = request.Key, Owner = Owner(context), Grants = ObjectGrants(request, context) };
        context.Store.PutConfiguration(context.Bucket, context.Key, AclName, PutObjectAclWire.Document(acl), context.VersionId);
        return Task.FromResult(new PutObjectAclResponse());
    }

    private partial Task<GetObjectAclResponse> GetObjectAclAsync(GetObjectAclRequest request, OperationContext context)
    {
        RequireBucket(context);
        var document = context.Store.GetConfiguration(context.Bucket, context.Key, AclName, request.VersionId);
        return Task.FromResult(document is null
            ? new GetObjectAclResponse { Owner = Owner(context), Grants = [Account(Owner(context).ID!, Permission.FullControl)] }
            : GetObjectAclWire.FromDocument(document));
    }

    /// <summary>
    /// The grants an object's canned ACL and grant headers stand for; the owner keeps FULL_CONTROL. The emulator has one
    /// account, so the bucket owner of <c>bucket-owner-*</c> is the object's owner.
    /// </summary>
    private static List<Grant> ObjectGrants(PutObjectAclRequest request, OperationContext context)
    {
        var owner = Owner(context).ID!;
        var grants = new List<Grant> { Account(owner, Permission.FullControl) };
        switch (request.Acl?.Value)
        {
            case null or "default" or "private":
                break;
            case "public-read":
                grants.Add(Group(AllUsers, Permission.Read));
                break;
            case "authenticated-read":
                grants.Add(Group(AuthenticatedUsers, Permission.Read));
                break;
            case "bucket-owner-read":
                grants.Add(Account(owner, Permission.Read));
                break;
            case "bucket-owner-full-control":
                grants.Add(Account(owner, Permission.FullControl));
                break;
            case var other:
                throw CosErrors.InvalidArgument($"x-cos-acl '{other}' is not a canned ACL of an object.");
        }

        AddHeaderGrants(
            grants,
            (request.GrantRead, Permission.Read),
            (request.GrantReadAcp, Permission.ReadAcp),
            (request.GrantWriteAcp, Permission.WriteAcp),
            (request.GrantFullControl, Permission.FullControl));

        return grants;
    }
}
