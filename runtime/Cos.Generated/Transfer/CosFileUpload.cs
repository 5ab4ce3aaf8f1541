namespace Cos.Generated.Transfer;

/// <summary>One file of <see cref="CosClient.UploadFilesAsync"/> or of a <see cref="CosUploadQueue"/>.</summary>
/// <param name="Bucket">The bucket (<c>name-appid</c>).</param>
/// <param name="Key">The object key.</param>
/// <param name="FilePath">The local file.</param>
public sealed record CosFileUpload(string Bucket, string Key, string FilePath)
{
    /// <summary>The file's upload options (region, content type, metadata, part size, resume…); null uses the defaults.</summary>
    public CosUploadOptions? Options { get; init; }

    /// <summary>This file's own progress, reported like <see cref="CosClient.UploadFileAsync"/>'s.</summary>
    public IProgress<CosTransferProgress>? Progress { get; init; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Bucket);
        ArgumentException.ThrowIfNullOrEmpty(Key);
        ArgumentException.ThrowIfNullOrEmpty(FilePath);
        Options?.Validate();
    }
}
