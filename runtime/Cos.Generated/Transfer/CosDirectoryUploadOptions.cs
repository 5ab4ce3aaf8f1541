namespace Cos.Generated.Transfer;

/// <summary>Options of <see cref="CosClient.UploadDirectoryAsync"/>.</summary>
public sealed class CosDirectoryUploadOptions
{
    /// <summary>Prepended to every file's path relative to the directory (with <c>/</c> separators) to make its key; e.g. <c>site/</c>. Empty by default.</summary>
    public string KeyPrefix { get; init; } = string.Empty;

    /// <summary>Include subdirectories (default true).</summary>
    public bool Recursive { get; init; } = true;

    /// <summary>Decides per file whether it is uploaded (relative path with <c>/</c> separators, and the file); null uploads every file.</summary>
    public Func<string, FileInfo, bool>? Filter { get; init; }

    /// <summary>The upload options of every file; null uses the defaults.</summary>
    public CosUploadOptions? UploadOptions { get; init; }

    /// <summary>Files uploaded at once; null uses <see cref="CosClientOptions.FileParallelLimit"/>.</summary>
    public int? FileParallelLimit { get; init; }
}
