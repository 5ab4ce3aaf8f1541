using static Cos.Generated.Tests.Transfer.UploadHarness;

namespace Cos.Generated.Tests.Transfer;

public sealed class UploadMemoryTests
{
    [Fact]
    public async Task The_source_is_read_no_further_than_the_parts_in_flight()
    {
        await using var harness = await StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        var bothHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = harness.TamperingClient(tamper: null, parallel: 2, beforeSend: async (request, token) =>
        {
            if (request.RequestUri!.Query.Contains("partNumber=", StringComparison.Ordinal))
            {
                if (Interlocked.Increment(ref held) == 2)
                {
                    bothHeld.TrySetResult();
                }

                await release.Task.WaitAsync(token);
            }
        });
        var data = RandomBytes(8 * MiB, seed: 31);
        using var source = new MemoryStream(data);

        var upload = client.UploadAsync(Bucket, "bounded.bin", source, harness.UploadOptions());
        await bothHeld.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(200);

        source.Position.ShouldBe(2 * MiB); // two parts in flight, nothing read ahead of them
        release.SetResult();
        var result = await upload;
        result.PartCount.ShouldBe(8);
        (await harness.DownloadAsync(client, "bounded.bin")).ShouldBe(data);
    }
}
