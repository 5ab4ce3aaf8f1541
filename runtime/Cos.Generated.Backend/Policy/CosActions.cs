namespace Cos.Generated.Backend.Policy;

/// <summary>
/// CAM action names of COS operations, as a policy lists them (<c>name/cos:{Operation}</c>, case-sensitive), and
/// the sets a browser typically needs.
/// </summary>
public static class CosActions
{
    /// <summary>Every COS action.</summary>
    public const string All = "name/cos:*";

    /// <summary>Simple upload (PUT Object).</summary>
    public const string PutObject = "name/cos:PutObject";

    /// <summary>HTML form upload (POST Object).</summary>
    public const string PostObject = "name/cos:PostObject";

    /// <summary>Download (GET Object).</summary>
    public const string GetObject = "name/cos:GetObject";

    /// <summary>Object metadata (HEAD Object).</summary>
    public const string HeadObject = "name/cos:HeadObject";

    /// <summary>Delete one object.</summary>
    public const string DeleteObject = "name/cos:DeleteObject";

    /// <summary>Delete several objects in one request.</summary>
    public const string DeleteMultipleObjects = "name/cos:DeleteMultipleObjects";

    /// <summary>Start a multipart upload.</summary>
    public const string InitiateMultipartUpload = "name/cos:InitiateMultipartUpload";

    /// <summary>Upload one part.</summary>
    public const string UploadPart = "name/cos:UploadPart";

    /// <summary>Finish a multipart upload.</summary>
    public const string CompleteMultipartUpload = "name/cos:CompleteMultipartUpload";

    /// <summary>List the parts of an upload.</summary>
    public const string ListParts = "name/cos:ListParts";

    /// <summary>Abort a multipart upload.</summary>
    public const string AbortMultipartUpload = "name/cos:AbortMultipartUpload";

    /// <summary>List the multipart uploads in progress in a bucket.</summary>
    public const string ListMultipartUploads = "name/cos:ListMultipartUploads";

    /// <summary>List the objects of a bucket (GET Bucket).</summary>
    public const string GetBucket = "name/cos:GetBucket";

    /// <summary>Whether a bucket exists (HEAD Bucket).</summary>
    public const string HeadBucket = "name/cos:HeadBucket";

    /// <summary>List the buckets of the account (GET Service); its resource is <c>*</c>.</summary>
    public const string GetService = "name/cos:GetService";

    /// <summary>
    /// Everything an upload needs, simple, form or multipart (with resume): what Tencent's "COS API authorization
    /// policy" guide grants for uploads.
    /// </summary>
    public static IReadOnlyList<string> Upload { get; } =
    [
        PutObject, PostObject, InitiateMultipartUpload, ListMultipartUploads, ListParts, UploadPart, CompleteMultipartUpload, AbortMultipartUpload,
    ];

    /// <summary>Downloads and metadata: GET and HEAD Object.</summary>
    public static IReadOnlyList<string> Download { get; } = [GetObject, HeadObject];
}
