namespace Cos.Transfer.Bench;

/// <summary>Whether a case sends bytes to the emulator or fetches them.</summary>
internal enum Direction
{
    Upload,
    Download,
}

/// <summary>
/// One measured client configuration. <see cref="IsLimit"/> marks the raw parallel case every other case of the
/// same direction is compared with (ratio 1.00).
/// </summary>
internal sealed record BenchCase(string Name, Direction Direction, string Description, bool IsLimit = false)
{
    public const long MiB = 1024 * 1024;

    /// <summary>The part size and parallelism of the "8 MiB × 4" cases and of the raw limits.</summary>
    public const long PartSize = 8 * MiB;

    public const int Parallel = 4;

    public static IReadOnlyList<BenchCase> All { get; } =
    [
        new("raw-put-parts", Direction.Upload, "raw HttpClient: 8 MiB PUTs from memory, 4 in flight (limit)", IsLimit: true),
        new("raw-put-single", Direction.Upload, "raw HttpClient: one streamed PUT from memory"),
        new("raw-put-file-crc", Direction.Upload, "raw HttpClient: 8 MiB PUTs read from the file and CRC-64'd while sent, 4 in flight"),
        new("cos-upload-default", Direction.Upload, "Cos.Generated UploadFileAsync, client defaults (1 MiB x 3)"),
        new("cos-upload-8x4", Direction.Upload, "Cos.Generated UploadFileAsync, 8 MiB x 4"),
        new("aws-upload-default", Direction.Upload, "AWSSDK.S3 TransferUtility upload, defaults (8 MiB x 10)"),
        new("aws-upload-8x4", Direction.Upload, "AWSSDK.S3 TransferUtility upload, 8 MiB x 4"),
        new("aws-upload-8x4-unsigned", Direction.Upload, "AWSSDK.S3 TransferUtility upload, 8 MiB x 4, anonymous (no SigV4 payload hash)"),
        new("raw-get-ranges", Direction.Download, "raw HttpClient: 8 MiB ranged GETs, 4 in flight, bytes dropped (limit)", IsLimit: true),
        new("raw-get-ranges-file-crc", Direction.Download, "raw HttpClient: 8 MiB ranged GETs, 4 in flight, CRC-64'd and written to a file"),
        new("raw-get-single", Direction.Download, "raw HttpClient: one streamed GET, bytes dropped"),
        new("cos-download-default", Direction.Download, "Cos.Generated DownloadFileAsync, client defaults (8 MiB x 3)"),
        new("cos-download-8x4", Direction.Download, "Cos.Generated DownloadFileAsync, 8 MiB x 4"),
        new("aws-download-default", Direction.Download, "AWSSDK.S3 TransferUtility download, defaults (one streamed GET)"),
        new("aws-download-8x4", Direction.Download, "AWSSDK.S3 TransferUtility download, RANGE 8 MiB x 4"),
    ];

    public static BenchCase? Find(string name) => All.FirstOrDefault(c => c.Name == name);
}
