using Cos.Generated.Tests.Infrastructure;
using static Cos.Generated.Tests.Transfer.UploadHarness;

namespace Cos.Generated.Tests.Transfer;

public sealed class UploadProgressTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData((5 * MiB) + (MiB / 2))]
    public async Task Progress_is_monotonic_and_ends_at_the_total(int length)
    {
        await using var harness = await StartAsync();
        using var client = harness.Client(parallel: 3);
        var progress = new UploadProgressLog();

        await client.UploadFileAsync(Bucket, "progress.bin", harness.WriteFile(RandomBytes(length)), harness.UploadOptions(), progress);

        progress.Reports.ShouldNotBeEmpty();
        progress.Reports.Select(r => r.Loaded).ShouldBeInOrder(SortDirection.Ascending);
        progress.Reports.ShouldAllBe(r => r.Total == length);
        progress.Reports[^1].Loaded.ShouldBe(length);
        progress.Reports[^1].Percent.ShouldBe(1);
    }

    [Fact]
    public async Task Progress_of_a_stream_of_unknown_length_ends_at_its_length()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var progress = new UploadProgressLog();
        var data = RandomBytes((2 * MiB) + 9);

        await client.UploadAsync(Bucket, "progress-stream.bin", new NonSeekableStream(data), harness.UploadOptions(), progress);

        progress.Reports.Select(r => r.Loaded).ShouldBeInOrder(SortDirection.Ascending);
        progress.Reports[^1].Loaded.ShouldBe(data.Length);
        progress.Reports[^1].Total.ShouldBeNull();
    }
}

public sealed class UploadInPartProgressTests
{
    [Fact]
    public async Task Progress_moves_within_a_part_and_a_failed_try_is_taken_back()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client(parallel: 1);
        harness.Emulator.Faults.Add(new Cos.Emulator.Faults.FaultRule { Operation = "UploadPart", PartNumber = 1, Times = 1, Status = 500 });
        var progress = new UploadProgressLog();
        var length = (8 * MiB) + 1;
        var options = new Cos.Generated.Transfer.CosUploadOptions { PartSize = 4 * MiB, CheckpointDirectory = harness.CheckpointDirectory };

        var result = await client.UploadFileAsync(Bucket, "slices.bin", harness.WriteFile(RandomBytes(length)), options, progress);

        result.PartCount.ShouldBe(3);
        progress.Reports.ShouldContain(r => r.Loaded == MiB);                 // a 1 MiB slice of the first 4 MiB part
        progress.Reports.ShouldContain(r => r.Loaded % (4 * MiB) != 0 && r.Loaded > 4 * MiB);
        progress.Reports.Max(r => r.Loaded).ShouldBe(length);             // the failed try was taken back
        progress.Reports[^1].Loaded.ShouldBe(length);
    }
}
