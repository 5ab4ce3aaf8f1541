using Cos.Generated;

namespace Cos.Generated.Backend.Policy;

/// <summary>
/// CAM action names of COS operations, as a policy lists them (<c>name/cos:{Operation}</c>, case-sensitive), and
/// the sets a browser typically needs. Each is read from the operation table generated from the spec
/// (<see cref="CosOperations"/>), which the client's credential scope and the emulator's policy check read too.
/// </summary>
public static class CosActions
{
    /// <summary>Every COS action.</summary>
    public const string All = "name/cos:*";

    /// <summary>Simple upload (PUT Object).</summary>
    public static string PutObject => CosOperations.PutObject.CamAction;

    /// <summary>HTML form upload (POST Object), which no operation of the spec sends (browsers post forms themselves).</summary>
    public const string PostObject = "name/cos:PostObject";

    /// <summary>Download (GET Object).</summary>
    public static string GetObject => CosOperations.GetObject.CamAction;

    /// <summary>Object metadata (HEAD Object).</summary>
    public static string HeadObject => CosOperations.HeadObject.CamAction;

    /// <summary>Delete one object.</summary>
    public static string DeleteObject => CosOperations.DeleteObject.CamAction;

    /// <summary>
    /// Delete several objects in one request: COS authorizes a batch delete as <c>name/cos:DeleteObject</c> on each key, as
    /// the official SDKs scope it, so this is <see cref="DeleteObject"/>.
    /// </summary>
    public static string DeleteMultipleObjects => CosOperations.DeleteMultipleObjects.CamAction;

    /// <summary>Start a multipart upload.</summary>
    public static string InitiateMultipartUpload => CosOperations.InitiateMultipartUpload.CamAction;

    /// <summary>Upload one part.</summary>
    public static string UploadPart => CosOperations.UploadPart.CamAction;

    /// <summary>Finish a multipart upload.</summary>
    public static string CompleteMultipartUpload => CosOperations.CompleteMultipartUpload.CamAction;

    /// <summary>List the parts of an upload.</summary>
    public static string ListParts => CosOperations.ListParts.CamAction;

    /// <summary>Abort a multipart upload.</summary>
    public static string AbortMultipartUpload => CosOperations.AbortMultipartUpload.CamAction;

    /// <summary>List the multipart uploads in progress in a bucket.</summary>
    public static string ListMultipartUploads => CosOperations.ListMultipartUploads.CamAction;

    /// <summary>List the objects of a bucket (GET Bucket).</summary>
    public static string GetBucket => CosOperations.GetBucket.CamAction;

    /// <summary>Whether a bucket exists (HEAD Bucket).</summary>
    public static string HeadBucket => CosOperations.HeadBucket.CamAction;

    /// <summary>List the buckets of the account (GET Service); its resource is <c>*</c>.</summary>
    public static string GetService => CosOperations.GetService.CamAction;

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
