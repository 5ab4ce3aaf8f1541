namespace Cos.Generated.Transfer;

/// <summary>What an upload does with its multipart upload when it fails or is canceled.</summary>
public enum CosUploadFailureAction
{
    /// <summary>Keep the multipart upload and the checkpoint so a later call resumes it (the default, as the official SDKs do).</summary>
    Keep,

    /// <summary>Abort the multipart upload so no parts are left on the server.</summary>
    Abort,
}

/// <summary>Per-call options of <see cref="CosClient.UploadFileAsync"/> and <see cref="CosClient.UploadAsync"/>.</summary>
public sealed class CosUploadOptions
{
    /// <summary>The bucket's region; null uses <see cref="CosClientOptions.Region"/>.</summary>
    public string? Region { get; init; }

    /// <summary>The object's Content-Type.</summary>
    public string? ContentType { get; init; }

    /// <summary>The object's Cache-Control, stored with it and returned on downloads.</summary>
    public string? CacheControl { get; init; }

    /// <summary>The object's Content-Disposition, stored with it and returned on downloads.</summary>
    public string? ContentDisposition { get; init; }

    /// <summary>User metadata, sent as <c>x-cos-meta-*</c>.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>The storage class of the object.</summary>
    public StorageClass? StorageClass { get; init; }

    /// <summary>The starting part size; null uses <see cref="CosClientOptions.ChunkSize"/>. Grown so no upload needs more than 10,000 parts.</summary>
    public long? PartSize { get; init; }

    /// <summary>Parts in flight at once; null uses <see cref="CosClientOptions.ChunkParallelLimit"/>.</summary>
    public int? ParallelLimit { get; init; }

    /// <summary>Keep (default) or abort the multipart upload on failure or cancel.</summary>
    public CosUploadFailureAction OnFailure { get; init; } = CosUploadFailureAction.Keep;

    /// <summary>
    /// Resume an interrupted multipart upload of the same file to the same key (default true): from the local
    /// checkpoint, else from ListMultipartUploads; parts already on the server are verified and not sent again.
    /// Applies to <see cref="CosClient.UploadFileAsync"/>; streams always start a new upload.
    /// </summary>
    public bool Resume { get; init; } = true;

    /// <summary>
    /// Where checkpoints are kept; null uses <c>Cos.Generated/upload-checkpoints</c> under the local application
    /// data folder (the temp directory when there is none). Without a checkpoint an upload is still found with
    /// ListMultipartUploads, so losing the directory costs only one listing.
    /// </summary>
    public string? CheckpointDirectory { get; init; }

    internal void Validate()
    {
        if (PartSize is { } partSize && (partSize < CosClientOptions.MinChunkSize || partSize > CosClientOptions.MaxChunkSize))
        {
            throw new ArgumentOutOfRangeException(nameof(PartSize), partSize, "PartSize must be between 1 MiB and 5 GiB.");
        }

        if (ParallelLimit is { } parallel && (parallel < 1 || parallel > CosClientOptions.MaxParallelLimit))
        {
            throw new ArgumentOutOfRangeException(nameof(ParallelLimit), parallel, $"ParallelLimit must be between 1 and {CosClientOptions.MaxParallelLimit}.");
        }
    }
}
