using Cos.Emulator;
using Cos.Emulator.Storage;
using Cos.Generated;
using Cos.Generated.Transfer;

namespace Cos.Transfer.Bench;

/// <summary>
/// Stores the all-zero objects the download cases fetch. The discarding store answers every GET with zeros, so
/// only an all-zero object has a recorded CRC-64 that matches what it serves. They are multipart uploads of 8 MiB
/// parts, as an object of this size would be: the ETag is then not an MD5, so AWSSDK.S3 does not compare one.
/// </summary>
internal static class ZeroObjects
{
    public static async Task StoreAsync(Workload workload, long size)
    {
        using var client = new CosClient(new CosClientOptions
        {
            SecretId = CosEmulatorOptions.DefaultSecretId,
            SecretKey = CosEmulatorOptions.DefaultSecretKey,
            Region = Workload.Region,
            Protocol = "http",
            ConnectTo = $"127.0.0.1:{workload.Port}",
        });
        await using var zeros = new ZeroStream(size);
        await client.UploadAsync(Workload.Bucket, Workload.ZeroKey(size), zeros, new CosUploadOptions { PartSize = BenchCase.PartSize, ParallelLimit = BenchCase.Parallel });
    }
}
