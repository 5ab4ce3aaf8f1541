using System.Globalization;
using System.Security.Cryptography;
using Cos.Emulator.Errors;
using Cos.Emulator.Storage;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// The headers COS takes on every write of an object (PUT, copy, initiate, append) and some reads: <c>x-cos-tagging</c>
/// and the ACL headers (kept as the object's tagging and ACL documents, as PUT Object tagging and PUT Object acl keep
/// them), server-side encryption (SSE-COS, SSE-KMS, SSE-C, or the bucket's default encryption) and
/// <c>x-cos-traffic-limit</c>. Tag limits are COS's: 10 per object, 50 per bucket, keys of 1 to 128 characters,
/// values of at most 256, no key twice (400 InvalidTag).
/// </summary>
internal sealed partial class CosOperationHandlers
{
    private const string TaggingName = "tagging";
    private const int MaxObjectTags = 10;
    private const int MaxBucketTags = 50;

    /// <summary>The range COS documents for <c>x-cos-traffic-limit</c>, in bit/s (100 KB/s to 100 MB/s).</summary>
    private const long MinTrafficLimit = 819200, MaxTrafficLimit = 838860800;

    partial void ValidatePutObjectTagging(PutObjectTaggingRequest request, OperationContext context) => CheckTags(request.TagSet, MaxObjectTags);

    partial void ValidatePutBucketTagging(PutBucketTaggingRequest request, OperationContext context) => CheckTags(request.TagSet, MaxBucketTags);

    /// <summary>Refuses a tag set COS refuses: 400 InvalidTag.</summary>
    private static void CheckTags(IReadOnlyList<Tag> tags, int max)
    {
        if (tags.Count > max)
        {
            throw InvalidTag($"At most {max} tags are allowed; {tags.Count} were sent.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (tag.Key.Length is 0 or > 128 || tag.Value.Length > 256)
            {
                throw InvalidTag($"The tag '{tag.Key}' is invalid: keys are 1 to 128 characters and values at most 256.");
            }

            if (!keys.Add(tag.Key))
            {
                throw InvalidTag($"The tag key '{tag.Key}' is given twice.");
            }
        }
    }

    private static CosErrorException InvalidTag(string message) => new(400, "InvalidTag", message);

    /// <summary>The tags of an <c>x-cos-tagging</c> header (<c>k1=v1&amp;k2=v2</c>, each part URL-encoded), checked.</summary>
    private static List<Tag> ParseTagging(string header, int max)
    {
        var tags = new List<Tag>();
        foreach (var pair in header.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            tags.Add(new Tag { Key = key, Value = value });
        }

        CheckTags(tags, max);
        return tags;
    }

    /// <summary>
    /// The documents a new object gets from its request's headers: <c>tagging</c> from <c>x-cos-tagging</c>, <c>acl</c>
    /// from <c>x-cos-acl</c> and <c>x-cos-grant-*</c>. Both are checked before any content is stored.
    /// </summary>
    private static Dictionary<string, string> HeaderDocuments(OperationContext context, string? tagging, ObjectAcl? acl, string? grantRead, string? grantReadAcp, string? grantWriteAcp, string? grantFullControl)
    {
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(tagging))
        {
            documents[TaggingName] = TaggingDocument(context, ParseTagging(tagging, MaxObjectTags));
        }

        if (acl is null && grantRead is null && grantReadAcp is null && grantWriteAcp is null && grantFullControl is null)
        {
            return documents;
        }

        var aclRequest = new PutObjectAclRequest
        {
            Bucket = context.Bucket, Key = context.Key, Acl = acl, GrantRead = grantRead, GrantReadAcp = grantReadAcp, GrantWriteAcp = grantWriteAcp, GrantFullControl = grantFullControl,
        };
        var grants = ObjectGrants(aclRequest, context);
        if (grants.Count > 1 || acl?.Value == "private")
        {
            documents[AclName] = PutObjectAclWire.Document(new PutObjectAclRequest { Bucket = context.Bucket, Key = context.Key, Owner = Owner(context), Grants = grants });
        }

        return documents;
    }

    private static string TaggingDocument(OperationContext context, List<Tag> tags) =>
        PutObjectTaggingWire.Document(new PutObjectTaggingRequest { Bucket = context.Bucket, Key = context.Key, TagSet = tags });

    /// <summary>The <c>x-cos-tagging-count</c> of a version: how many tags it has; null when none.</summary>
    private static int? TaggingCount(ObjectRecord record) =>
        record.Configurations.TryGetValue(TaggingName, out var document) && GetObjectTaggingWire.FromDocument(document).TagSet.Count is var count and > 0 ? count : null;

    /// <summary>
    /// <paramref name="properties"/> with the encryption the request asks for: SSE-C (a customer key, checked against its
    /// MD5), SSE-COS or SSE-KMS, else the bucket's default encryption; 400 InvalidArgument for a request COS refuses.
    /// </summary>
    private static ObjectProperties Encrypted(OperationContext context, ObjectProperties properties, ServerSideEncryption? sse, string? kmsKeyId, string? customerAlgorithm, string? customerKey, string? customerKeyMd5)
    {
        if (CustomerKeyMd5(customerAlgorithm, customerKey, customerKeyMd5) is { } md5)
        {
            return sse is null
                ? properties with { SseCustomerKeyMd5 = md5 }
                : throw CosErrors.InvalidArgument("SSE-C (x-cos-server-side-encryption-customer-*) cannot be combined with x-cos-server-side-encryption.");
        }

        if (sse is { } requested)
        {
            return requested.Value switch
            {
                "AES256" when kmsKeyId is null => properties with { ServerSideEncryption = "AES256" },
                "cos/kms" => properties with { ServerSideEncryption = "cos/kms", SseKmsKeyId = kmsKeyId ?? DefaultKmsKey(context) },
                "AES256" => throw CosErrors.InvalidArgument("x-cos-server-side-encryption-cos-kms-key-id is for cos/kms only."),
                var other => throw CosErrors.InvalidArgument($"x-cos-server-side-encryption '{other}' must be AES256 or cos/kms."),
            };
        }

        // No encryption asked for: the bucket's default encryption applies, as on COS.
        var document = context.Store.GetConfiguration(context.Bucket, string.Empty, "encryption");
        if (document is null || GetBucketEncryptionWire.FromDocument(document).Rule?.ApplyServerSideEncryptionByDefault is not { } rule)
        {
            return properties;
        }

        return rule.SseAlgorithm == BucketEncryptionAlgorithm.Kms
            ? properties with { ServerSideEncryption = "cos/kms", SseKmsKeyId = rule.KmsMasterKeyId ?? DefaultKmsKey(context) }
            : properties with { ServerSideEncryption = "AES256" };
    }

    /// <summary>COS's default KMS key of the account, as its key id reads.</summary>
    private static string DefaultKmsKey(OperationContext context) => $"cos/kms/default-{context.Options.OwnerId}";

    /// <summary>
    /// The base64 MD5 of an SSE-C key, all three headers checked (AES256, a base64 256-bit key, its MD5); null when the
    /// request has none of them.
    /// </summary>
    private static string? CustomerKeyMd5(string? algorithm, string? key, string? keyMd5)
    {
        if (algorithm is null && key is null && keyMd5 is null)
        {
            return null;
        }

        if (algorithm != "AES256" || key is null || keyMd5 is null)
        {
            throw CosErrors.InvalidArgument("SSE-C needs x-cos-server-side-encryption-customer-algorithm AES256, -customer-key and -customer-key-MD5.");
        }

        byte[] raw;
        try
        {
            raw = Convert.FromBase64String(key);
        }
        catch (FormatException)
        {
            throw CosErrors.InvalidArgument("x-cos-server-side-encryption-customer-key is not base64.");
        }

        if (raw.Length != 32)
        {
            throw CosErrors.InvalidArgument("x-cos-server-side-encryption-customer-key must be a 256-bit key.");
        }

        var md5 = Convert.ToBase64String(MD5.HashData(raw));
        return md5 == keyMd5 ? md5 : throw CosErrors.InvalidArgument("x-cos-server-side-encryption-customer-key-MD5 is not the MD5 of the key.");
    }

    /// <summary>A read of an SSE-C object must send the same key; one of an object without SSE-C must send none.</summary>
    private static void CheckReadKey(ObjectRecord record, string? algorithm, string? key, string? keyMd5)
    {
        var sent = CustomerKeyMd5(algorithm, key, keyMd5);
        if (record.Properties.SseCustomerKeyMd5 is { } stored && sent != stored)
        {
            throw CosErrors.InvalidRequest(sent is null
                ? "The object was stored with SSE-C: send its key (x-cos-server-side-encryption-customer-*) to read it."
                : "The SSE-C key does not match the one the object was stored with.");
        }

        if (record.Properties.SseCustomerKeyMd5 is null && sent is not null)
        {
            throw CosErrors.InvalidRequest("The object was not stored with SSE-C: send no customer key.");
        }
    }

    /// <summary>The parts of an SSE-C upload carry its key; those of another upload carry none.</summary>
    private static void CheckPartKey(UploadRecord upload, string? algorithm, string? key, string? keyMd5)
    {
        var sent = CustomerKeyMd5(algorithm, key, keyMd5);
        if (sent != upload.Properties.SseCustomerKeyMd5)
        {
            throw CosErrors.InvalidRequest(upload.Properties.SseCustomerKeyMd5 is null
                ? "The upload was not initiated with SSE-C: its parts carry no customer key."
                : "The parts of an SSE-C upload carry the key it was initiated with (x-cos-server-side-encryption-customer-*).");
        }
    }

    /// <summary><c>x-cos-traffic-limit</c> must be within 819200 to 838860800 bit/s (400 InvalidArgument otherwise).</summary>
    private static void CheckTrafficLimit(long? limit)
    {
        if (limit is { } value && value is < MinTrafficLimit or > MaxTrafficLimit)
        {
            throw CosErrors.InvalidArgument(string.Create(CultureInfo.InvariantCulture, $"x-cos-traffic-limit {value} must be from {MinTrafficLimit} to {MaxTrafficLimit} bit/s."));
        }
    }

    /// <summary>The SSE response headers of a version (the server-side encryption echo every write and read carries).</summary>
    private static (ServerSideEncryption? Algorithm, string? KmsKeyId, string? CustomerAlgorithm, string? CustomerKeyMd5) Echo(ObjectProperties p) =>
        (p.ServerSideEncryption is { } sse ? new ServerSideEncryption(sse) : (ServerSideEncryption?)null, p.SseKmsKeyId, p.SseCustomerKeyMd5 is null ? null : "AES256", p.SseCustomerKeyMd5);
}
