namespace Cos.Generated.Transfer;

/// <summary>Per-call options of <see cref="CosClient.DownloadFileAsync"/> and <see cref="CosClient.DownloadAsync"/>.</summary>
public sealed class CosDownloadOptions
{
    /// <summary>The default part size when neither <see cref="PartSize"/> nor a larger <see cref="CosClientOptions.ChunkSize"/> is set (8 MiB).</summary>
    public const long DefaultPartSize = 8 * 1024 * 1024;

    /// <summary>The bucket's region; null uses <see cref="CosClientOptions.Region"/>.</summary>
    public string? Region { get; init; }

    /// <summary>A version of the object; null for the latest.</summary>
    public string? VersionId { get; init; }

    /// <summary>
    /// The size of each ranged GET; objects up to this size are fetched with one GET. Null uses the larger of
    /// <see cref="CosClientOptions.ChunkSize"/> and <see cref="DefaultPartSize"/>. Grown so no object needs more than 10,000 ranges.
    /// </summary>
    public long? PartSize { get; init; }

    /// <summary>
    /// Ranged GETs in flight; null uses <see cref="CosClientOptions.ChunkParallelLimit"/>. A stream download
    /// buffers that many parts in memory to write them in order.
    /// </summary>
    public int? ParallelLimit { get; init; }

    /// <summary>
    /// Keeps the partial file (<c>path.cosdownload</c>) and its checkpoint when a file download fails or is
    /// canceled, so the next call with the same object (same ETag) fetches only the missing parts (default true).
    /// </summary>
    public bool Resumable { get; init; } = true;

    /// <summary>
    /// The SSE-C key the object was stored with (<see cref="CosServerSideEncryption.SseC"/>), sent on the HEAD and every GET;
    /// null for an object without SSE-C (SSE-COS and SSE-KMS need no key to read). Other kinds throw <see cref="ArgumentException"/>.
    /// Not written to the download's checkpoint.
    /// </summary>
    public CosServerSideEncryption? CustomerKey { get; init; }

    /// <summary>
    /// Bandwidth limit of each GET, in bit/s: 819200 (100 KB/s) to 838860800 (100 MB/s), sent as <c>x-cos-traffic-limit</c>.
    /// Ranges in flight at once are limited each. Null: no limit.
    /// </summary>
    public long? TrafficLimit { get; init; }

    internal void Validate()
    {
        CosServerSideEncryption.RequireSseC(CustomerKey, nameof(CustomerKey));
        if (TrafficLimit is { } traffic && (traffic < CosUploadOptions.MinTrafficLimit || traffic > CosUploadOptions.MaxTrafficLimit))
        {
            throw new ArgumentOutOfRangeException(nameof(TrafficLimit), traffic, $"TrafficLimit must be between {CosUploadOptions.MinTrafficLimit} and {CosUploadOptions.MaxTrafficLimit} bit/s.");
        }

        if (PartSize is { } part && (part < 1 || part > CosClientOptions.MaxChunkSize))
        {
            throw new ArgumentOutOfRangeException(nameof(PartSize), part, $"PartSize must be between 1 and {CosClientOptions.MaxChunkSize}.");
        }

        if (ParallelLimit is { } limit && (limit < 1 || limit > CosClientOptions.MaxParallelLimit))
        {
            throw new ArgumentOutOfRangeException(nameof(ParallelLimit), limit, $"ParallelLimit must be between 1 and {CosClientOptions.MaxParallelLimit}.");
        }
    }
}

/// <summary>The result of a download.</summary>
public sealed class CosDownloadResult
{
    /// <summary>The object's ETag (every range was fetched with <c>If-Match</c> on it).</summary>
    public string? ETag { get; init; }

    /// <summary>The object's size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>The CRC-64 of the bytes written (checked against COS's when it reported one).</summary>
    public ulong Crc64 { get; init; }

    /// <summary>True when COS reported a CRC-64 and it matched; false when it reported none.</summary>
    public bool Crc64Verified { get; init; }

    /// <summary>The number of ranges the object was split into.</summary>
    public int PartCount { get; init; }

    /// <summary>Bytes taken from an earlier, interrupted download instead of fetched again.</summary>
    public long ResumedBytes { get; init; }

    /// <summary>The object's version id, when versioning is on.</summary>
    public string? VersionId { get; init; }
}
