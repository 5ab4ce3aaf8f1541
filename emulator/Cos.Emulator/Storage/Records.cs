namespace Cos.Emulator.Storage;

/// <summary>A bucket.</summary>
public sealed record BucketRecord
{
    /// <summary>The bucket name, <c>{name}-{appid}</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The region the bucket reports (<c>x-cos-bucket-region</c>, GET Service).</summary>
    public required string Region { get; init; }

    /// <summary>When the bucket was created, on the emulator's clock.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>The bucket's configuration documents by sub-resource (<c>tagging</c>, <c>policy</c>), as stored by a PUT.</summary>
    public IReadOnlyDictionary<string, string> Configurations { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The versioning state: <c>Enabled</c> or <c>Suspended</c>; null for a bucket that never had versioning. It decides
    /// what a write or a delete does to a key's versions (see <see cref="IObjectStore.CommitObject"/>).
    /// </summary>
    public string? Versioning { get; init; }
}

/// <summary>The content and user headers stored with an object (or a multipart upload until it completes).</summary>
public sealed record ObjectProperties
{
    /// <summary>The <c>Content-Type</c> sent with the object; null when none was.</summary>
    public string? ContentType { get; init; }

    /// <summary>The <c>Cache-Control</c> sent with the object; null when none was.</summary>
    public string? CacheControl { get; init; }

    /// <summary>The <c>Content-Disposition</c> sent with the object; null when none was.</summary>
    public string? ContentDisposition { get; init; }

    /// <summary>The <c>Content-Encoding</c> sent with the object; null when none was.</summary>
    public string? ContentEncoding { get; init; }

    /// <summary>The <c>Content-Language</c> sent with the object; null when none was.</summary>
    public string? ContentLanguage { get; init; }

    /// <summary>The <c>Expires</c> header sent with the object, as text; null when none was.</summary>
    public string? Expires { get; init; }

    /// <summary>The <c>x-cos-storage-class</c> (<c>STANDARD</c> unless another was sent).</summary>
    public string StorageClass { get; init; } = "STANDARD";

    /// <summary>User metadata, names without <c>x-cos-meta-</c>, lower-case.</summary>
    public Dictionary<string, string> Metadata { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Server-side encryption with COS-held keys: <c>AES256</c> (SSE-COS) or <c>cos/kms</c> (SSE-KMS); null when none.</summary>
    public string? ServerSideEncryption { get; init; }

    /// <summary>The KMS key of SSE-KMS; null otherwise.</summary>
    public string? SseKmsKeyId { get; init; }

    /// <summary>SSE-C: the base64 MD5 of the customer's key, which every read must send again; null otherwise.</summary>
    public string? SseCustomerKeyMd5 { get; init; }
}

/// <summary>Committed content: its blob and what was computed while it streamed in.</summary>
public sealed record BlobInfo
{
    /// <summary>The id the content is stored under in the <see cref="IBlobStore"/>.</summary>
    public required string BlobId { get; init; }

    /// <summary>The content's length in bytes.</summary>
    public required long Length { get; init; }

    /// <summary>
    /// The MD5 of the content (16 bytes). The discarding store computes it only when asked to; otherwise these
    /// 16 bytes are the CRC-64 and length, stable for the same content.
    /// </summary>
    public required byte[] Md5 { get; init; }

    /// <summary>The CRC-64/ECMA-182 of the content, as COS's <c>x-cos-hash-crc64ecma</c>.</summary>
    public required ulong Crc64 { get; init; }
}

/// <summary>A committed object.</summary>
public sealed record ObjectRecord
{
    /// <summary>The object key (decoded; never empty).</summary>
    public required string Key { get; init; }

    /// <summary>The id of the object's content in the <see cref="IBlobStore"/>.</summary>
    public required string BlobId { get; init; }

    /// <summary>The content length in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>The quoted ETag: <c>"hex md5"</c> or <c>"hex md5-N"</c>.</summary>
    public required string ETag { get; init; }

    /// <summary>The CRC-64/ECMA-182 of the whole content, as COS's <c>x-cos-hash-crc64ecma</c>.</summary>
    public required ulong Crc64 { get; init; }

    /// <summary>When this version was committed, on the emulator's clock, in whole seconds.</summary>
    public required DateTimeOffset LastModified { get; init; }

    /// <summary>The headers and metadata stored with the object.</summary>
    public required ObjectProperties Properties { get; init; }

    /// <summary>Whether AppendObject created the object (<c>x-cos-object-type: appendable</c>), so it can be appended to.</summary>
    public bool Appendable { get; init; }

    /// <summary>The object's configuration documents by sub-resource (<c>tagging</c>); a new version starts with none.</summary>
    public IReadOnlyDictionary<string, string> Configurations { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The version id the store gave this version; null for the "null" version (written while the bucket's versioning was
    /// never enabled or suspended, and every appendable object, which COS keeps out of versioning).
    /// </summary>
    public string? VersionId { get; init; }

    /// <summary>Whether this version is a delete marker (no content): a delete without a version id in a versioned bucket.</summary>
    public bool IsDeleteMarker { get; init; }

    /// <summary>The version id as COS lists it: <c>null</c> (the word) for the null version.</summary>
    public string ListedVersionId => VersionId ?? NullVersionId;

    /// <summary>The id COS gives the null version in listings and accepts as <c>versionId=null</c>.</summary>
    public const string NullVersionId = "null";
}

/// <summary>What a DELETE did to a key's versions.</summary>
/// <param name="VersionId">The version removed, or the delete marker created; null when that is the null version.</param>
/// <param name="DeleteMarker">Whether the version removed, or the one created, is a delete marker.</param>
public sealed record DeletedVersion(string? VersionId, bool DeleteMarker);

/// <summary>An uploaded part of a multipart upload.</summary>
public sealed record PartRecord
{
    /// <summary>The part number, 1 to 10,000.</summary>
    public required int PartNumber { get; init; }

    /// <summary>The id of the part's content in the <see cref="IBlobStore"/>.</summary>
    public required string BlobId { get; init; }

    /// <summary>The part's length in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>The MD5 of the part's content (16 bytes).</summary>
    public required byte[] Md5 { get; init; }

    /// <summary>The CRC-64/ECMA-182 of the part's content.</summary>
    public required ulong Crc64 { get; init; }

    /// <summary>When the part was uploaded, on the emulator's clock, in whole seconds.</summary>
    public required DateTimeOffset LastModified { get; init; }

    /// <summary>The quoted ETag UploadPart answered: the hex MD5 of the part.</summary>
    public string ETag => $"\"{Convert.ToHexStringLower(Md5)}\"";
}

/// <summary>An open multipart upload.</summary>
public sealed record UploadRecord
{
    /// <summary>The id InitiateMultipartUpload answered.</summary>
    public required string UploadId { get; init; }

    /// <summary>The bucket of the upload.</summary>
    public required string Bucket { get; init; }

    /// <summary>The key the completed object will have.</summary>
    public required string Key { get; init; }

    /// <summary>When the upload was initiated, on the emulator's clock.</summary>
    public required DateTimeOffset Initiated { get; init; }

    /// <summary>The headers and metadata sent with InitiateMultipartUpload, given to the object on completion.</summary>
    public required ObjectProperties Properties { get; init; }

    /// <summary>The configuration documents its headers gave the object (<c>tagging</c>, <c>acl</c>), given to it on completion.</summary>
    public IReadOnlyDictionary<string, string> Configurations { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The parts uploaded so far, by part number (a snapshot when returned by <see cref="IObjectStore"/>).</summary>
    public SortedDictionary<int, PartRecord> Parts { get; init; } = [];
}
