namespace Cos.Generated.Transfer;

/// <summary>The result of an upload.</summary>
public sealed class CosUploadResult
{
    /// <summary>The object's ETag.</summary>
    public string? ETag { get; init; }

    /// <summary>The object's CRC-64 (ECMA-182): combined from the parts sent and confirmed by COS where it reports one; null only when COS reported none for a part nor for the object.</summary>
    public ulong? Crc64 { get; init; }

    /// <summary>The version id, on versioning-enabled buckets.</summary>
    public string? VersionId { get; init; }

    /// <summary>The multipart upload id; null for a simple PUT.</summary>
    public string? UploadId { get; init; }

    /// <summary>How many parts the object has (0 for a simple PUT).</summary>
    public int PartCount { get; init; }

    /// <summary>The object's size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>The request id of the final request (PutObject or CompleteMultipartUpload).</summary>
    public string? RequestId { get; init; }
}
