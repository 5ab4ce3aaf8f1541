using Cos.Emulator.Faults;
using Cos.Generated.Transfer;
using static Cos.Generated.Tests.Transfer.DownloadTestEnvironment;

namespace Cos.Generated.Tests.Transfer;

/// <summary>
/// Retries of ranges are progress-aware: a connection that keeps breaking after moving bytes still finishes the
/// download, while one that moves nothing gives up after ChunkRetryTimes; the transfer's retry budget bounds both.
/// </summary>
public sealed class DownloadRetryBudgetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cos-budget-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Ranges_cut_after_every_300_KB_still_complete_though_each_needs_more_tries_than_ChunkRetryTimes()
    {
        await using var env = await StartAsync(o => o with { ChunkRetryTimes = 2 });
        var data = RandomBytes(2 * MiB, seed: 51);
        await env.PutAsync("cut.bin", data);
        var cut = env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject", ResetConnectionAfterBytes = 300_000 });
        var path = Path.Combine(_directory, "cut.bin");

        var result = await env.Client.DownloadFileAsync(Bucket, "cut.bin", path, new CosDownloadOptions { PartSize = MiB, ParallelLimit = 2 });

        File.ReadAllBytes(path).ShouldBe(data);
        result.Crc64Verified.ShouldBeTrue();
        cut.Fired.ShouldBeGreaterThanOrEqualTo(8); // at least 4 GETs per 1 MiB range (3 cut at 300 KB at most), more when a reset loses bytes in flight
    }

    [Fact]
    public async Task Ranges_that_move_nothing_give_up_after_ChunkRetryTimes()
    {
        await using var env = await StartAsync(o => o with { ChunkRetryTimes = 2 });
        await env.PutAsync("dead.bin", RandomBytes(2 * MiB, seed: 52));
        var dead = env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject", Status = 500, ErrorCode = "InternalError" });
        var path = Path.Combine(_directory, "dead.bin");

        var error = await Should.ThrowAsync<CosException>(() => env.Client.DownloadFileAsync(Bucket, "dead.bin", path, new CosDownloadOptions { PartSize = MiB, ParallelLimit = 1 }));

        error.StatusCode.ShouldBe(500);
        dead.Fired.ShouldBe(3); // the first range: one try and two retries, then the download stops
        File.Exists(path).ShouldBeFalse();
    }
}
