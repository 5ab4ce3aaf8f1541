using Cos.Emulator;
using Cos.Generated;
using Cos.Generated.Transfer;

namespace Cos.Transfer.Bench;

/// <summary>
/// Cos.Generated's UploadFileAsync and DownloadFileAsync (CRC-64 checked on every part and on the whole object),
/// with the client's defaults or with 8 MiB × 4. Requests are signed as always; the emulator does not check them.
/// </summary>
internal sealed class CosTransfer(BenchCase bench, Workload workload) : ITransfer
{
    private readonly CosClient _client = new(new CosClientOptions
    {
        SecretId = CosEmulatorOptions.DefaultSecretId,
        SecretKey = CosEmulatorOptions.DefaultSecretKey,
        Region = Workload.Region,
        Protocol = "http",
        ConnectTo = $"127.0.0.1:{workload.Port}",
    });

    private bool Tuned => bench.Name.EndsWith("-8x4", StringComparison.Ordinal);

    public async Task RunAsync(long size)
    {

        if (bench.Direction == Direction.Upload)
        {
            var options = Tuned ? new CosUploadOptions { PartSize = BenchCase.PartSize, ParallelLimit = BenchCase.Parallel } : null;
            var result = await _client.UploadFileAsync(Workload.Bucket, $"cos/{bench.Name}", workload.UploadFile(size), options);
            if (result.Size != size)
            {
                throw new InvalidOperationException($"Uploaded {result.Size} bytes, not {size}.");
            }
        }
        else
        {
            var options = Tuned ? new CosDownloadOptions { PartSize = BenchCase.PartSize, ParallelLimit = BenchCase.Parallel } : null;
            var result = await _client.DownloadFileAsync(Workload.Bucket, Workload.ZeroKey(size), workload.DownloadTarget(bench.Name), options);
            if (result.Size != size || !result.Crc64Verified)
            {
                throw new InvalidOperationException($"Downloaded {result.Size} bytes (CRC-64 verified: {result.Crc64Verified}), not {size} verified.");
            }
        }
    }

    public void Dispose() => _client.Dispose();
}
