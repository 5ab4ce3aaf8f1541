namespace Cos.Generated.MSBuild;

/// <summary>The task-level object settings every file gets unless its item's metadata says otherwise.</summary>
internal sealed record ObjectDefaults
{
    public string? ContentType { get; init; }

    public string? CacheControl { get; init; }

    public string? ContentDisposition { get; init; }

    public string? StorageClass { get; init; }

    /// <summary>User metadata (names without <c>x-cos-meta-</c>).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
