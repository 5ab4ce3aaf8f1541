namespace Cos.Generated.MSBuild;

/// <summary>The task-level object settings every file gets unless its item's metadata says otherwise.</summary>
internal sealed record ObjectDefaults
{
    public string? ContentType { get; init; }

    public string? CacheControl { get; init; }

    public string? ContentDisposition { get; init; }

    public string? StorageClass { get; init; }

    /// <summary>The canned ACL of every file without its own <c>Acl</c> metadata.</summary>
    public ObjectAcl? Acl { get; init; }

    /// <summary>Tags of every file; an item's <c>Tags</c> metadata is merged over them.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>SSE-COS or SSE-KMS of every file (no SSE-C in MSBuild: its key would be in binlogs).</summary>
    public Cos.Generated.Transfer.CosServerSideEncryption? ServerSideEncryption { get; init; }

    /// <summary>The bandwidth limit of each upload request, bit/s.</summary>
    public long? TrafficLimit { get; init; }

    /// <summary>User metadata (names without <c>x-cos-meta-</c>).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
