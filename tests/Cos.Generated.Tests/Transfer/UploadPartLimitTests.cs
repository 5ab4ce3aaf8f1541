using Cos.Generated.Tests.Infrastructure;
using static Cos.Generated.Tests.Transfer.UploadHarness;

namespace Cos.Generated.Tests.Transfer;

/// <summary>
/// Inputs past 10,000 parts, end to end. Parts are planned in KiB instead of MiB (a test hook; the emulator's
/// minimum part size is lowered to match), so 10,001 parts' worth is 10 MiB instead of 10 GiB.
/// </summary>
public sealed class UploadPartLimitTests
{
    private const int KiB = 1024;

    [Fact]
    public async Task A_file_of_10001_parts_at_the_starting_size_is_sent_in_5001_parts_of_twice_the_size()
    {
        await using var harness = await StartAsync(minPartSize: KiB);
        using var client = harness.Client(parallel: 8);
        client.PartSizeUnitForTests = KiB;
        var data = RandomBytes(10_001 * KiB, seed: 21);
        var parts = harness.CountRequests("UploadPart");

        var result = await client.UploadFileAsync(Bucket, "many-parts.bin", harness.WriteFile(data), harness.UploadOptions());

        result.PartCount.ShouldBe(5001); // 5000 parts of 2 KiB and one of 1 KiB
        parts.Fired.ShouldBe(5001);
        (await harness.DownloadAsync(client, "many-parts.bin")).ShouldBe(data);
    }

    [Fact]
    public async Task A_stream_of_unknown_length_doubles_its_part_size_every_1000_parts()
    {
        await using var harness = await StartAsync(minPartSize: KiB);
        using var client = harness.Client(parallel: 8);
        client.PartSizeUnitForTests = KiB;
        var data = RandomBytes(10_001 * KiB, seed: 22);

        var result = await client.UploadAsync(Bucket, "stream-parts.bin", new NonSeekableStream(data), harness.UploadOptions());

        // 1000 parts of 1 KiB, 1000 of 2 KiB, 1000 of 4 KiB (7000 KiB), then 3001 KiB in 376 parts of 8 KiB.
        result.PartCount.ShouldBe(3376);
        (await harness.DownloadAsync(client, "stream-parts.bin")).ShouldBe(data);
    }
}
