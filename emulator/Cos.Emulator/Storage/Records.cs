namespace Cos.Emulator.Storage;

/// <summary>A bucket.</summary>
public sealed record BucketRecord
{
    public required string Name { get; init; }

    public required string Region { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>The bucket's configuration documents by sub-resource (<c>tagging</c>, <c>policy</c>), as stored by a PUT.</summary>
    public IReadOnlyDictionary<string, string> Configurations { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>The content and user headers stored with an object (or a multipart upload until it completes).</summary>
public sealed record ObjectProperties
{
    public string? ContentType { get; init; }

    public string? CacheControl { get; init; }

    public string? ContentDisposition { get; init; }

    public string? ContentEncoding { get; init; }

    public string? ContentLanguage { get; init; }

    public string? Expires { get; init; }

    public string StorageClass { get; init; } = "STANDARD";

    /// <summary>User metadata, names without <c>x-cos-meta-</c>, lower-case.</summary>
    public Dictionary<string, string> Metadata { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>Committed content: its blob and what was computed while it streamed in.</summary>
public sealed record BlobInfo
{
    public required string BlobId { get; init; }

    public required long Length { get; init; }

    /// <summary>The MD5 of the content (16 bytes); for a completed multipart object, of the part MD5s.</summary>
    public required byte[] Md5 { get; init; }

    public required ulong Crc64 { get; init; }
}

/// <summary>A committed object.</summary>
public sealed record ObjectRecord
{
    public required string Key { get; init; }

    public required string BlobId { get; init; }

    public required long Size { get; init; }

    /// <summary>The quoted ETag: <c>"hex md5"</c> or <c>"hex md5-N"</c>.</summary>
    public required string ETag { get; init; }

    public required ulong Crc64 { get; init; }

    public required DateTimeOffset LastModified { get; init; }

    public required ObjectProperties Properties { get; init; }

    /// <summary>The object's configuration documents by sub-resource (<c>tagging</c>); a new version starts with none.</summary>
    public IReadOnlyDictionary<string, string> Configurations { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>An uploaded part of a multipart upload.</summary>
public sealed record PartRecord
{
    public required int PartNumber { get; init; }

    public required string BlobId { get; init; }

    public required long Size { get; init; }

    public required byte[] Md5 { get; init; }

    public required ulong Crc64 { get; init; }

    public required DateTimeOffset LastModified { get; init; }

    public string ETag => $"\"{Convert.ToHexStringLower(Md5)}\"";
}

/// <summary>An open multipart upload.</summary>
public sealed record UploadRecord
{
    public required string UploadId { get; init; }

    public required string Bucket { get; init; }

    public required string Key { get; init; }

    public required DateTimeOffset Initiated { get; init; }

    public required ObjectProperties Properties { get; init; }

    public SortedDictionary<int, PartRecord> Parts { get; init; } = [];
}
