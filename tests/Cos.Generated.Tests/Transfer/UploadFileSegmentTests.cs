using Cos.Emulator.Faults;
using Cos.Generated.Integrity;
using static Cos.Generated.Tests.Transfer.UploadHarness;

namespace Cos.Generated.Tests.Transfer;

/// <summary>A file's parts (every part by default; here those over 512 KiB) are read from the file in place while sent.</summary>
public sealed class UploadFileSegmentTests
{
    private const long Unbuffered = 512 * 1024;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_file_with_unbufferable_parts_lands_byte_for_byte(bool checkMd5)
    {
        await using var harness = await StartAsync();
        using var client = harness.Client(checkMd5: checkMd5);
        client.MaxBufferedPartBytes = Unbuffered;
        var data = RandomBytes((5 * MiB) + (MiB / 2), seed: 41);
        var progress = new UploadProgressLog();

        var result = await client.UploadFileAsync(Bucket, "segments.bin", harness.WriteFile(data), harness.UploadOptions(), progress);

        result.PartCount.ShouldBe(6);
        result.Crc64.ShouldBe(CosCrc64.Compute(data));
        progress.Reports[^1].Loaded.ShouldBe(data.Length);
        (await harness.DownloadAsync(client, "segments.bin")).ShouldBe(data);
    }

    [Fact]
    public async Task Unbufferable_parts_are_retried_and_their_CRC_checked()
    {
        await using var harness = await StartAsync();
        var tampered = 0;
        using var client = harness.TamperingClient((request, response) =>
        {
            if (request.RequestUri!.Query.Contains("partNumber=3", StringComparison.Ordinal) && Interlocked.Increment(ref tampered) == 1)
            {
                response.Headers.Remove("x-cos-hash-crc64ecma");
                response.Headers.TryAddWithoutValidation("x-cos-hash-crc64ecma", "7");
            }
        });
        client.MaxBufferedPartBytes = Unbuffered;
        harness.Emulator.Faults.Add(new FaultRule { Operation = "UploadPart", PartNumber = 2, Times = 2, Status = 503, ErrorCode = "SlowDown" });
        var data = RandomBytes((4 * MiB) + 1, seed: 42);

        await client.UploadFileAsync(Bucket, "segments-retry.bin", harness.WriteFile(data), harness.UploadOptions());

        tampered.ShouldBe(2); // the first answer for part 3 had a wrong CRC; the retry was accepted
        (await harness.DownloadAsync(client, "segments-retry.bin")).ShouldBe(data);
    }

    [Fact]
    public async Task Unbufferable_parts_resume_sending_only_the_missing_ones()
    {
        await using var harness = await StartAsync();
        var data = RandomBytes(6 * MiB, seed: 43);
        var path = harness.WriteFile(data);
        using (var cancel = new CancellationTokenSource())
        {
            using var first = harness.TamperingClient((request, _) =>
            {
                if (request.RequestUri!.Query.Contains("partNumber=3&", StringComparison.Ordinal) || request.RequestUri.Query.EndsWith("partNumber=3", StringComparison.Ordinal))
                {
                    cancel.Cancel();
                }
            }, parallel: 1);
            first.MaxBufferedPartBytes = Unbuffered;
            await Should.ThrowAsync<OperationCanceledException>(() => first.UploadFileAsync(Bucket, "segments-resume.bin", path, harness.UploadOptions(), cancellationToken: cancel.Token));
        }

        var sent = harness.CountRequests("UploadPart");
        using var client = harness.Client();
        client.MaxBufferedPartBytes = Unbuffered;
        var result = await client.UploadFileAsync(Bucket, "segments-resume.bin", path, harness.UploadOptions());

        sent.Fired.ShouldBe(3);
        result.PartCount.ShouldBe(6);
        (await harness.DownloadAsync(client, "segments-resume.bin")).ShouldBe(data);
    }
}
