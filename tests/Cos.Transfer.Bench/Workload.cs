using System.Globalization;

namespace Cos.Transfer.Bench;

/// <summary>
/// Where a run's data lives: random files to upload under <see cref="DataDirectory"/> (in /tmp, made once), all-zero
/// objects to download in the emulator (the discarding store answers GETs with zeros, so only an all-zero object's
/// recorded CRC-64 matches what is served), and the emulator's port.
/// </summary>
internal sealed record Workload(int Port, string DataDirectory, long Size)
{
    public const string Bucket = "bench-1250000000";

    public const string Region = "ap-guangzhou";

    public string UploadFile(long size) => Path.Combine(DataDirectory, $"random-{Mib(size)}m.bin");

    public static string ZeroKey(long size) => $"zeros-{Mib(size)}m";

    public string DownloadTarget(string caseName) => Path.Combine(DataDirectory, "out", caseName + ".bin");

    public string Endpoint => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A path-style URL of an object, as raw HttpClient and AWSSDK.S3 send it.</summary>
    public string ObjectUrl(string key) => $"{Endpoint}/{Bucket}/{key}";

    private static string Mib(long size) => (size / BenchCase.MiB).ToString(CultureInfo.InvariantCulture);
}
