using System.Security.Cryptography;
using Cos.Generated.Transfer;
using static Cos.Generated.Tests.Transfer.UploadHarness;

namespace Cos.Generated.Tests.Transfer;

/// <summary><see cref="CosClientOptions.UploadAddMetaMd5"/> and <see cref="CosUploadOptions.HashProgress"/>, against the emulator.</summary>
public sealed class UploadMetaMd5Tests
{
    private static string Hex(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    private static async Task<string?> MetaMd5Async(CosClient client, string key)
    {
        var head = await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = key });
        return head.Metadata.FirstOrDefault(m => string.Equals(m.Key, "md5", StringComparison.OrdinalIgnoreCase)).Value;
    }

    /// <summary>Loaded never goes back, never passes Total, and the last report is the whole Total.</summary>
    private static void ShouldRiseTo(UploadProgressLog log, long total)
    {
        log.Reports.ShouldNotBeEmpty();
        log.Reports.ShouldAllBe(r => r.Total == total && r.Loaded <= total);
        for (var i = 1; i < log.Reports.Count; i++)
        {
            log.Reports[i].Loaded.ShouldBeGreaterThanOrEqualTo(log.Reports[i - 1].Loaded);
        }

        log.Reports[^1].Loaded.ShouldBe(total);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_single_put_carries_the_md5_of_the_body(bool addMetaMd5)
    {
        await using var harness = await StartAsync();
        using var client = new CosClient(harness.ClientOptions() with { UploadAddMetaMd5 = addMetaMd5 });
        var data = RandomBytes(300 * 1024, seed: 5);
        var hashing = new UploadProgressLog();

        await client.UploadFileAsync(Bucket, "small.bin", harness.WriteFile(data), new CosUploadOptions { CheckpointDirectory = harness.CheckpointDirectory, Metadata = new Dictionary<string, string> { ["author"] = "zhang" }, HashProgress = hashing });

        (await MetaMd5Async(client, "small.bin")).ShouldBe(addMetaMd5 ? Hex(data) : null);
        (await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "small.bin" })).Metadata["author"].ShouldBe("zhang");
        if (addMetaMd5)
        {
            ShouldRiseTo(hashing, data.Length);
        }
        else
        {
            hashing.Reports.ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_multipart_upload_hashes_the_file_before_initiating_and_reports_it(bool addMetaMd5)
    {
        await using var harness = await StartAsync();
        using var client = new CosClient(harness.ClientOptions() with { UploadAddMetaMd5 = addMetaMd5 });
        var data = RandomBytes((5 * MiB) + 12345, seed: 6);
        var hashing = new UploadProgressLog();

        var result = await client.UploadFileAsync(Bucket, "big.bin", harness.WriteFile(data), new CosUploadOptions { CheckpointDirectory = harness.CheckpointDirectory, HashProgress = hashing });

        result.PartCount.ShouldBe(6);
        (await MetaMd5Async(client, "big.bin")).ShouldBe(addMetaMd5 ? Hex(data) : null);
        (await harness.DownloadAsync(client, "big.bin")).ShouldBe(data);
        if (addMetaMd5)
        {
            ShouldRiseTo(hashing, data.Length);
        }
        else
        {
            hashing.Reports.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task A_seekable_stream_is_hashed_from_its_position_and_then_sent_whole()
    {
        await using var harness = await StartAsync();
        using var client = new CosClient(harness.ClientOptions() with { UploadAddMetaMd5 = true });
        var data = RandomBytes(3 * MiB, seed: 7);
        using var stream = new MemoryStream(data) { Position = 1000 };

        await client.UploadAsync(Bucket, "stream.bin", stream);

        (await MetaMd5Async(client, "stream.bin")).ShouldBe(Hex(data[1000..]));
        (await harness.DownloadAsync(client, "stream.bin")).ShouldBe(data[1000..]);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_and_needs_parts_is_refused_before_anything_starts()
    {
        await using var harness = await StartAsync();
        using var client = new CosClient(harness.ClientOptions() with { UploadAddMetaMd5 = true });
        var initiated = harness.CountRequests("InitiateMultipartUpload");

        await Should.ThrowAsync<NotSupportedException>(() => client.UploadAsync(Bucket, "once.bin", new Infrastructure.NonSeekableStream(RandomBytes(3 * MiB, seed: 8))));

        initiated.Fired.ShouldBe(0);
        using var small = new CosClient(harness.ClientOptions() with { UploadAddMetaMd5 = true });
        var data = RandomBytes(1000, seed: 9);
        await small.UploadAsync(Bucket, "once-small.bin", new Infrastructure.NonSeekableStream(data));
        (await MetaMd5Async(small, "once-small.bin")).ShouldBe(Hex(data));
    }

    [Fact]
    public async Task A_resumed_upload_reports_the_check_of_the_parts_on_the_server_and_keeps_its_md5()
    {
        await using var harness = await StartAsync();
        var data = RandomBytes(6 * MiB, seed: 10);
        var path = harness.WriteFile(data);
        using (var cancel = new CancellationTokenSource())
        {
            using var first = harness.TamperingClient(
                (request, _) =>
                {
                    if (request.RequestUri!.Query.Contains("partNumber=3", StringComparison.Ordinal))
                    {
                        cancel.Cancel();
                    }
                },
                parallel: 1,
                configure: o => o with { UploadAddMetaMd5 = true });
            await Should.ThrowAsync<OperationCanceledException>(() => first.UploadFileAsync(Bucket, "resume.bin", path, harness.UploadOptions(), cancellationToken: cancel.Token));
        }

        var sent = harness.CountRequests("UploadPart");
        var initiated = harness.CountRequests("InitiateMultipartUpload");
        var hashing = new UploadProgressLog();
        using var client = new CosClient(harness.ClientOptions() with { UploadAddMetaMd5 = true });

        await client.UploadFileAsync(Bucket, "resume.bin", path, new CosUploadOptions { CheckpointDirectory = harness.CheckpointDirectory, HashProgress = hashing });

        initiated.Fired.ShouldBe(0);
        sent.Fired.ShouldBe(3);
        ShouldRiseTo(hashing, 3 * MiB); // the three parts already on the server, checked by MD5
        (await MetaMd5Async(client, "resume.bin")).ShouldBe(Hex(data));
        (await harness.DownloadAsync(client, "resume.bin")).ShouldBe(data);
    }

    [Fact]
    public async Task An_upload_begun_without_the_md5_is_not_resumed_with_it()
    {
        await using var harness = await StartAsync();
        var data = RandomBytes(4 * MiB, seed: 11);
        var path = harness.WriteFile(data);
        using (var cancel = new CancellationTokenSource())
        {
            using var first = harness.TamperingClient(
                (request, _) =>
                {
                    if (request.RequestUri!.Query.Contains("partNumber=2", StringComparison.Ordinal))
                    {
                        cancel.Cancel();
                    }
                },
                parallel: 1);
            await Should.ThrowAsync<OperationCanceledException>(() => first.UploadFileAsync(Bucket, "switch.bin", path, harness.UploadOptions(), cancellationToken: cancel.Token));
        }

        var initiated = harness.CountRequests("InitiateMultipartUpload");
        using var client = new CosClient(harness.ClientOptions() with { UploadAddMetaMd5 = true });

        await client.UploadFileAsync(Bucket, "switch.bin", path, harness.UploadOptions());

        initiated.Fired.ShouldBe(1);
        (await MetaMd5Async(client, "switch.bin")).ShouldBe(Hex(data));
    }
}
