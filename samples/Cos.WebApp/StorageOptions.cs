namespace Cos.WebApp;

/// <summary>The section <c>Storage</c>: where the service keeps its files.</summary>
public sealed class StorageOptions
{
    /// <summary>The bucket, as BucketName-APPID (<c>examplebucket-1250000000</c>).</summary>
    public string Bucket { get; set; } = "";

    /// <summary>How long a presigned URL is valid, in minutes (default 15).</summary>
    public int PresignMinutes { get; set; } = 15;

    /// <summary>
    /// The largest upload accepted, in bytes (default 5 GiB, COS's limit for one PUT; an upload without a
    /// <c>Content-Length</c> goes multipart and may be larger only if this allows it).
    /// </summary>
    public long MaxUploadBytes { get; set; } = 5L * 1024 * 1024 * 1024;

    /// <summary>How many objects <c>GET /files</c> returns at most when the caller does not say (default 1000).</summary>
    public int ListLimit { get; set; } = 1000;
}
