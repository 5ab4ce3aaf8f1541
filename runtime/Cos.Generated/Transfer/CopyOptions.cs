using Cos.Generated.Signing;

namespace Cos.Generated.Transfer;

/// <summary>The object a copy reads: bucket, key, and optionally its region (default: the client's) and version.</summary>
/// <param name="Bucket">The source bucket, <c>name-appid</c>.</param>
/// <param name="Key">The source key, raw (it is URL-encoded in <c>x-cos-copy-source</c>).</param>
/// <param name="Region">The source bucket's region; null uses <see cref="CosClientOptions.Region"/>.</param>
/// <param name="VersionId">A version of the source; null for the latest.</param>
public sealed record CosCopySource(string Bucket, string Key, string? Region = null, string? VersionId = null)
{
    /// <summary>The <c>x-cos-copy-source</c> value: <c>{bucket}.cos.{region}.myqcloud.com/{encoded key}[?versionId=…]</c>.</summary>
    internal string ToHeader(string region)
    {
        var value = $"{Bucket}.cos.{region}.myqcloud.com/{CosUrlEncoding.EncodePath(Key)}";
        return VersionId is null ? value : $"{value}?versionId={CosUrlEncoding.Encode(VersionId)}";
    }
}

/// <summary>Per-call options of <see cref="CosClient.CopyAsync"/>.</summary>
public sealed class CosCopyOptions
{
    /// <summary>The destination bucket's region; null uses <see cref="CosClientOptions.Region"/>.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// <see cref="MetadataDirective.Copy"/> keeps the source's Content-Type, Cache-Control, Content-Disposition,
    /// Content-Encoding, Expires and <c>x-cos-meta-*</c>; <see cref="MetadataDirective.Replaced"/> uses the values
    /// below instead. Null: Replaced when <see cref="Metadata"/> or any header below is set, else Copy.
    /// </summary>
    public MetadataDirective? MetadataDirective { get; init; }

    /// <summary>The destination's Content-Type (with Replaced).</summary>
    public string? ContentType { get; init; }

    /// <summary>The destination's Cache-Control (with Replaced).</summary>
    public string? CacheControl { get; init; }

    /// <summary>The destination's Content-Disposition (with Replaced).</summary>
    public string? ContentDisposition { get; init; }

    /// <summary>The destination's Content-Encoding (with Replaced).</summary>
    public string? ContentEncoding { get; init; }

    /// <summary>The destination's Expires (with Replaced).</summary>
    public string? Expires { get; init; }

    /// <summary>The destination's user metadata, <c>x-cos-meta-*</c> without the prefix (with Replaced).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>The destination's storage class; null keeps the source's for a multipart copy and the default for a simple one.</summary>
    public StorageClass? StorageClass { get; init; }

    /// <summary>The destination's canned ACL (<c>x-cos-acl</c>); null inherits the bucket's (COS does not copy an object's ACL).</summary>
    public ObjectAcl? Acl { get; init; }

    /// <summary>Grants read permission on the destination (<c>x-cos-grant-read</c>), as <c>id="&lt;uin&gt;"</c> entries separated by commas.</summary>
    public string? GrantRead { get; init; }

    /// <summary>Grants permission to read the destination's ACL (<c>x-cos-grant-read-acp</c>).</summary>
    public string? GrantReadAcp { get; init; }

    /// <summary>Grants permission to change the destination's ACL (<c>x-cos-grant-write-acp</c>).</summary>
    public string? GrantWriteAcp { get; init; }

    /// <summary>Grants full control of the destination (<c>x-cos-grant-full-control</c>).</summary>
    public string? GrantFullControl { get; init; }

    /// <summary>
    /// The destination's tags, replacing the source's (<c>x-cos-tagging-directive: Replaced</c>; an empty dictionary
    /// leaves the destination without tags). Null keeps the source's tags, for a multipart copy too (read with
    /// GetObjectTagging when HEAD reports any). Limits as <see cref="CosUploadOptions.Tags"/>: at most 10, keys of 1 to 128
    /// characters, values of at most 256, else <see cref="ArgumentException"/> before anything is sent.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>
    /// How COS encrypts the destination (<see cref="CosServerSideEncryption.SseCos"/>, <see cref="CosServerSideEncryption.SseKms"/>,
    /// <see cref="CosServerSideEncryption.SseC"/>); null: the destination bucket's default encryption, if any (a copy is
    /// not encrypted as its source was unless asked).
    /// </summary>
    public CosServerSideEncryption? ServerSideEncryption { get; init; }

    /// <summary>
    /// The SSE-C key the source was stored with (<see cref="CosServerSideEncryption.SseC"/>), sent on the HEAD of the source
    /// and as the <c>x-cos-copy-source-server-side-encryption-customer-*</c> headers of every copy request; null for a
    /// source without SSE-C. Other kinds throw <see cref="ArgumentException"/>.
    /// </summary>
    public CosServerSideEncryption? SourceCustomerKey { get; init; }

    /// <summary>Sources larger than this are copied in parts; null uses <see cref="CosClientOptions.CopySliceSize"/>.</summary>
    public long? SliceSize { get; init; }

    /// <summary>The part size of a multipart copy; null uses <see cref="CosClientOptions.CopyChunkSize"/> (grown so no copy needs more than 10,000 parts).</summary>
    public long? PartSize { get; init; }

    /// <summary>Parts copied at once; null uses <see cref="CosClientOptions.CopyChunkParallelLimit"/>.</summary>
    public int? ParallelLimit { get; init; }

    /// <summary>Keep a failed or canceled multipart copy on the server instead of aborting it (default false: abort).</summary>
    public bool KeepUploadOnFailure { get; init; }

    internal MetadataDirective EffectiveDirective =>
        MetadataDirective ?? (Metadata is not null || ContentType is not null || CacheControl is not null || ContentDisposition is not null || ContentEncoding is not null || Expires is not null
            ? Generated.MetadataDirective.Replaced
            : Generated.MetadataDirective.Copy);

    /// <summary>The destination's SSE-C key, which every UploadPartCopy and a HEAD of the destination carry; null for other encryptions.</summary>
    internal CosServerSideEncryption? CustomerKey => ServerSideEncryption is { Kind: CosServerSideEncryptionKind.SseC } key ? key : null;

    internal void Validate()
    {
        ObjectTags.Validate(Tags, nameof(Tags));
        CosServerSideEncryption.RequireSseC(SourceCustomerKey, nameof(SourceCustomerKey));
        if (SliceSize is { } slice && (slice < 1 || slice > CosClientOptions.MaxChunkSize))
        {
            throw new ArgumentOutOfRangeException(nameof(SliceSize), slice, $"SliceSize must be between 1 and {CosClientOptions.MaxChunkSize}.");
        }

        if (PartSize is { } part && (part < CosClientOptions.MinChunkSize || part > CosClientOptions.MaxChunkSize))
        {
            throw new ArgumentOutOfRangeException(nameof(PartSize), part, $"PartSize must be between {CosClientOptions.MinChunkSize} and {CosClientOptions.MaxChunkSize}.");
        }

        if (ParallelLimit is { } limit && (limit < 1 || limit > CosClientOptions.MaxParallelLimit))
        {
            throw new ArgumentOutOfRangeException(nameof(ParallelLimit), limit, $"ParallelLimit must be between 1 and {CosClientOptions.MaxParallelLimit}.");
        }
    }
}

/// <summary>The result of <see cref="CosClient.CopyAsync"/>.</summary>
public sealed class CosCopyResult
{
    /// <summary>The destination's ETag.</summary>
    public string? ETag { get; init; }

    /// <summary>The destination's CRC-64 (checked against the source's when both are known).</summary>
    public ulong? Crc64 { get; init; }

    /// <summary>The destination's version id, when versioning is on.</summary>
    public string? VersionId { get; init; }

    /// <summary>Bytes copied.</summary>
    public long Size { get; init; }

    /// <summary>Parts of the multipart copy; 0 for a simple copy.</summary>
    public int PartCount { get; init; }

    /// <summary>The upload id of the multipart copy; null for a simple copy.</summary>
    public string? UploadId { get; init; }
}
