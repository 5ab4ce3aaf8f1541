using Cos.Emulator.Faults;
using Cos.Generated.Transfer;
using static Cos.Generated.Tests.Transfer.UploadHarness;

namespace Cos.Generated.Tests.Transfer;

public sealed class UploadFilesTests
{
    [Fact]
    public async Task Files_of_every_size_land_byte_for_byte_with_per_file_and_summed_progress()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var sizes = new[] { 0, 1, MiB, MiB + 1, (3 * MiB) + 7 };
        var data = sizes.Select((size, i) => RandomBytes(size, seed: 100 + i)).ToArray();
        var ownLogs = sizes.Select(_ => new UploadProgressLog()).ToArray();
        var files = data.Select((bytes, i) => new CosFileUpload(Bucket, $"batch/{i}.bin", harness.WriteFile(bytes, $"batch-{i}.bin"))
        {
            Options = harness.UploadOptions(),
            Progress = ownLogs[i],
        }).ToList();
        var summed = new UploadProgressLog();

        var result = await client.UploadFilesAsync(files, fileParallelLimit: 2, progress: summed);

        result.FailedCount.ShouldBe(0);
        result.SucceededCount.ShouldBe(5);
        result.Files.Select(f => f.Upload.Key).ShouldBe(files.Select(f => f.Key));
        for (var i = 0; i < sizes.Length; i++)
        {
            result.Files[i].Result!.Size.ShouldBe(sizes[i]);
            (await harness.DownloadAsync(client, $"batch/{i}.bin")).ShouldBe(data[i]);
            ownLogs[i].Reports[^1].Loaded.ShouldBe(sizes[i]);
            ownLogs[i].Reports[^1].Total.ShouldBe(sizes[i]);
        }

        result.Files[3].Result!.PartCount.ShouldBe(2); // above SliceSize: multipart
        long total = sizes.Sum();
        summed.Reports[^1].ShouldBe(summed.Reports[^1] with { Loaded = total, Total = total });
        summed.Reports.Select(r => r.Loaded).ShouldBeInOrder();
    }

    [Fact]
    public async Task A_failing_file_and_a_missing_file_do_not_lose_the_other_files()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        harness.Emulator.Faults.Add(new FaultRule { KeyPattern = "refused/*", Status = 403, ErrorCode = "AccessDenied" });
        var good = RandomBytes(1000, seed: 3);
        var files = new[]
        {
            new CosFileUpload(Bucket, "ok/1.bin", harness.WriteFile(good, "one.bin")),
            new CosFileUpload(Bucket, "refused/2.bin", harness.WriteFile(good, "two.bin")),
            new CosFileUpload(Bucket, "ok/3.bin", Path.Combine(harness.TempDirectory, "missing.bin")),
            new CosFileUpload(Bucket, "ok/4.bin", harness.WriteFile(good, "four.bin")),
        };

        var result = await client.UploadFilesAsync(files);

        result.Files.Select(f => f.Succeeded).ShouldBe([true, false, false, true]);
        result.Files[1].Error.ShouldBeOfType<CosException>().ErrorCode.ShouldBe("AccessDenied");
        result.Files[2].Error.ShouldBeOfType<FileNotFoundException>();
        (await harness.DownloadAsync(client, "ok/1.bin")).ShouldBe(good);
        (await harness.DownloadAsync(client, "ok/4.bin")).ShouldBe(good);
        var aggregate = Should.Throw<AggregateException>(result.ThrowIfAnyFailed);
        aggregate.InnerExceptions.Count.ShouldBe(2);
        aggregate.InnerExceptions[0].ShouldBeSameAs(result.Files[1].Error);
    }

    [Fact]
    public async Task An_invalid_file_is_refused_before_anything_is_uploaded()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var puts = harness.CountRequests("PutObject");
        var path = harness.WriteFile([1, 2, 3]);

        await Should.ThrowAsync<ArgumentException>(() => client.UploadFilesAsync([new CosFileUpload(Bucket, "a", path), new CosFileUpload(Bucket, "", path)]));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => client.UploadFilesAsync([new CosFileUpload(Bucket, "a", path)], fileParallelLimit: 0));

        puts.Fired.ShouldBe(0);
    }

    [Fact]
    public async Task No_more_than_FileParallelLimit_files_are_uploaded_at_once()
    {
        await using var harness = await StartAsync();
        var inFlight = 0;
        var maxInFlight = 0;
        var pairSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = harness.TamperingClient(
            tamper: (_, _) => Interlocked.Decrement(ref inFlight),
            beforeSend: async (_, token) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref maxInFlight, now);
                if (now == 2)
                {
                    pairSeen.TrySetResult();
                }

                // Each request waits until two were in flight together, so a limit of 2 is reached, not just allowed.
                await pairSeen.Task.WaitAsync(TimeSpan.FromSeconds(20), token);
            });
        var files = Enumerable.Range(0, 6).Select(i => new CosFileUpload(Bucket, $"p/{i}", harness.WriteFile(RandomBytes(100, i), $"p{i}.bin"))).ToList();

        var result = await client.UploadFilesAsync(files, fileParallelLimit: 2);

        result.SucceededCount.ShouldBe(6);
        maxInFlight.ShouldBe(2);
    }

    [Fact]
    public async Task Canceling_a_batch_throws_OperationCanceledException()
    {
        await using var harness = await StartAsync();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = harness.TamperingClient(tamper: null, beforeSend: async (_, token) =>
        {
            held.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
        });
        using var cancel = new CancellationTokenSource();
        var upload = client.UploadFilesAsync([new CosFileUpload(Bucket, "c", harness.WriteFile([1, 2, 3]))], cancellationToken: cancel.Token);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(20));

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => upload);
    }

    [Fact]
    public async Task A_directory_is_uploaded_under_a_prefix_with_relative_keys_hidden_files_and_a_filter()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var root = Path.Combine(harness.TempDirectory, "site");
        var contents = new Dictionary<string, byte[]>
        {
            ["index.html"] = RandomBytes(10, 1),
            ["css/site.css"] = RandomBytes(20, 2),
            ["img/deep/logo.png"] = RandomBytes((2 * MiB) + 5, 3),
            [".well-known/security.txt"] = RandomBytes(30, 4),
            ["tmp/scratch.tmp"] = RandomBytes(40, 5),
        };
        foreach (var (relative, bytes) in contents)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes);
        }

        var result = await client.UploadDirectoryAsync(Bucket, root, new CosDirectoryUploadOptions
        {
            KeyPrefix = "www/",
            Filter = (relative, _) => !relative.EndsWith(".tmp", StringComparison.Ordinal),
            UploadOptions = harness.UploadOptions(),
        });

        result.Files.Select(f => f.Upload.Key).ShouldBe(["www/.well-known/security.txt", "www/css/site.css", "www/img/deep/logo.png", "www/index.html"]);
        result.FailedCount.ShouldBe(0);
        foreach (var outcome in result.Files)
        {
            (await harness.DownloadAsync(client, outcome.Upload.Key)).ShouldBe(contents[outcome.Upload.Key["www/".Length..]]);
        }

        var flat = await client.UploadDirectoryAsync(Bucket, root, new CosDirectoryUploadOptions { Recursive = false });
        flat.Files.Select(f => f.Upload.Key).ShouldBe(["index.html"]);
        await Should.ThrowAsync<DirectoryNotFoundException>(() => client.UploadDirectoryAsync(Bucket, Path.Combine(root, "nope")));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
