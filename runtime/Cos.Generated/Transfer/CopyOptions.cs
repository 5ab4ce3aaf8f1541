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

    internal void Validate()
    {
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
