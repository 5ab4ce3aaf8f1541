using Cos.Emulator.Faults;
using Cos.Generated.Transfer;
using static Cos.Generated.Tests.Transfer.DownloadTestEnvironment;

namespace Cos.Generated.Tests.Transfer;

public sealed class DownloadTests : IDisposable
{
    private static readonly CosDownloadOptions SmallParts = new() { PartSize = MiB, ParallelLimit = 3 };

    private readonly string _directory = Directory.CreateTempSubdirectory("cos-download-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100_000)]
    public async Task SmallObjectsAreDownloadedWithOneGet(int size)
    {
        await using var env = await StartAsync();
        var data = RandomBytes(size);
        await env.PutAsync("small.bin", data);
        var gets = env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject" });
        var progress = new RecordingProgress();

        var result = await env.Client.DownloadFileAsync(Bucket, "small.bin", PathOf("small.bin"), SmallParts, progress);

        (await File.ReadAllBytesAsync(PathOf("small.bin"))).ShouldBe(data);
        result.Size.ShouldBe(size);
        result.Crc64.ShouldBe(Crc(data));
        result.Crc64Verified.ShouldBeTrue();
        gets.Fired.ShouldBe(size == 0 ? 0 : 1);
        progress.Reports[^1].ShouldBe(progress.Reports[^1] with { Loaded = size, Total = size });
        File.Exists(PathOf("small.bin") + CosClient.DownloadPartialSuffix).ShouldBeFalse();
        Directory.GetFiles(_directory).Length.ShouldBe(1);
    }

    [Fact]
    public async Task LargeObjectIsDownloadedInParallelRangesWithMonotonicProgress()
    {
        await using var env = await StartAsync();
        var data = RandomBytes((5 * MiB) + 333, seed: 2);
        await env.PutAsync("dir/large.bin", data);
        var gets = env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject" });
        var progress = new RecordingProgress();
        File.WriteAllText(PathOf("large.bin"), "an older file that gets replaced");

        var result = await env.Client.DownloadFileAsync(Bucket, "dir/large.bin", PathOf("large.bin"), SmallParts, progress);

        (await File.ReadAllBytesAsync(PathOf("large.bin"))).ShouldBe(data);
        result.PartCount.ShouldBe(6);
        result.Crc64.ShouldBe(Crc(data));
        gets.Fired.ShouldBe(6);
        var loaded = progress.Reports.Select(r => r.Loaded).ToList();
        loaded.ShouldBeInOrder();
        loaded[^1].ShouldBe(data.Length);
        progress.Reports[^1].Percent.ShouldBe(1);
        Directory.GetFiles(_directory).Length.ShouldBe(1);
    }

    [Fact]
    public async Task APartFailingTwiceIsRetried()
    {
        await using var env = await StartAsync();
        var data = RandomBytes((3 * MiB) + 1, seed: 3);
        await env.PutAsync("retry.bin", data);
        var fault = env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject", EveryNth = 2, Times = 2, Status = 503, ErrorCode = "SlowDown" });

        await env.Client.DownloadFileAsync(Bucket, "retry.bin", PathOf("retry.bin"), SmallParts);

        fault.Fired.ShouldBe(2);
        (await File.ReadAllBytesAsync(PathOf("retry.bin"))).ShouldBe(data);
    }

    [Fact]
    public async Task AConnectionResetMidPartContinuesWhereItStopped()
    {
        await using var env = await StartAsync();
        var data = RandomBytes((3 * MiB) + 5, seed: 4);
        await env.PutAsync("reset.bin", data);
        var fault = env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject", Times = 2, ResetConnectionAfterBytes = 300_000 });

        var result = await env.Client.DownloadFileAsync(Bucket, "reset.bin", PathOf("reset.bin"), SmallParts);

        fault.Fired.ShouldBe(2);
        result.Crc64.ShouldBe(Crc(data));
        (await File.ReadAllBytesAsync(PathOf("reset.bin"))).ShouldBe(data);
    }

    [Fact]
    public async Task APartThatNeverSucceedsFailsAndLeavesTheDestinationUntouched()
    {
        await using var env = await StartAsync();
        var data = RandomBytes((3 * MiB) + 5, seed: 5);
        await env.PutAsync("fail.bin", data);
        await File.WriteAllTextAsync(PathOf("fail.bin"), "keep me");
        var fault = env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject", Status = 500 });

        var error = await Should.ThrowAsync<CosException>(() => env.Client.DownloadFileAsync(Bucket, "fail.bin", PathOf("fail.bin"), SmallParts));

        error.StatusCode.ShouldBe(500);
        (await File.ReadAllTextAsync(PathOf("fail.bin"))).ShouldBe("keep me");
        fault.Fired.ShouldBeLessThanOrEqualTo(3 * 3); // at most 3 tries of the parts in flight: the first failure stops the rest
    }

    [Fact]
    public async Task AnObjectReplacedDuringTheDownloadFailsWithObjectChanged()
    {
        await using var env = await StartAsync();
        var data = RandomBytes((3 * MiB) + 5, seed: 6);
        await env.PutAsync("changing.bin", data);
        await File.WriteAllTextAsync(PathOf("changing.bin"), "keep me");
        var replaced = 0;
        var progress = new SynchronousProgress(_ =>
        {
            if (Interlocked.Exchange(ref replaced, 1) == 0)
            {
                env.PutAsync("changing.bin", RandomBytes(data.Length, seed: 7)).GetAwaiter().GetResult();
            }
        });

        var error = await Should.ThrowAsync<CosObjectChangedException>(() =>
            env.Client.DownloadFileAsync(Bucket, "changing.bin", PathOf("changing.bin"), new CosDownloadOptions { PartSize = MiB, ParallelLimit = 1 }, progress));

        error.ErrorCode.ShouldBe("ObjectChanged");
        (await File.ReadAllTextAsync(PathOf("changing.bin"))).ShouldBe("keep me");
        Directory.GetFiles(_directory).Length.ShouldBe(1); // the partial file and checkpoint are useless and removed
    }

    [Fact]
    public async Task ACanceledDownloadResumesWithOnlyTheMissingParts()
    {
        await using var env = await StartAsync();
        var data = RandomBytes(4 * MiB, seed: 8);
        await env.PutAsync("resume.bin", data);
        await File.WriteAllTextAsync(PathOf("resume.bin"), "keep me");
        var options = new CosDownloadOptions { PartSize = MiB, ParallelLimit = 1 };
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Loaded >= (2 * MiB) + (MiB / 2))
            {
                cancel.Cancel();
            }
        });

        await Should.ThrowAsync<OperationCanceledException>(() => env.Client.DownloadFileAsync(Bucket, "resume.bin", PathOf("resume.bin"), options, progress, cancel.Token));

        (await File.ReadAllTextAsync(PathOf("resume.bin"))).ShouldBe("keep me");
        File.Exists(PathOf("resume.bin") + CosClient.DownloadPartialSuffix).ShouldBeTrue();
        var gets = env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject" });
        var resumedProgress = new RecordingProgress();

        var result = await env.Client.DownloadFileAsync(Bucket, "resume.bin", PathOf("resume.bin"), options, resumedProgress);

        gets.Fired.ShouldBe(2);
        result.ResumedBytes.ShouldBe(2 * MiB);
        resumedProgress.Reports[0].Loaded.ShouldBeGreaterThanOrEqualTo(2 * MiB);
        (await File.ReadAllBytesAsync(PathOf("resume.bin"))).ShouldBe(data);
        Directory.GetFiles(_directory).Length.ShouldBe(1);
    }

    [Fact]
    public async Task AResumeRefetchesAPartCorruptedOnDisk()
    {
        await using var env = await StartAsync();
        var data = RandomBytes(3 * MiB, seed: 9);
        await env.PutAsync("corrupt.bin", data);
        var options = new CosDownloadOptions { PartSize = MiB, ParallelLimit = 1 };
        env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject", KeyPattern = "corrupt.bin", EveryNth = 3, Status = 404, ErrorCode = "NoSuchKey", Times = 1 });
        await Should.ThrowAsync<CosException>(() => env.Client.DownloadFileAsync(Bucket, "corrupt.bin", PathOf("corrupt.bin"), options));
        File.Exists(PathOf("corrupt.bin")).ShouldBeFalse();
        await using (var partial = new FileStream(PathOf("corrupt.bin") + CosClient.DownloadPartialSuffix, FileMode.Open))
        {
            partial.Position = 10;
            partial.WriteByte((byte)(data[10] ^ 0xFF));
        }

        env.Emulator.Faults.Clear();
        var gets = env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject" });
        var result = await env.Client.DownloadFileAsync(Bucket, "corrupt.bin", PathOf("corrupt.bin"), options);

        gets.Fired.ShouldBe(2); // part 1 (corrupted) and part 3 (never fetched)
        result.ResumedBytes.ShouldBe(MiB);
        (await File.ReadAllBytesAsync(PathOf("corrupt.bin"))).ShouldBe(data);
    }

    [Fact]
    public async Task AResumeAfterTheObjectChangedStartsOver()
    {
        await using var env = await StartAsync();
        var data = RandomBytes(3 * MiB, seed: 10);
        await env.PutAsync("over.bin", data);
        var options = new CosDownloadOptions { PartSize = MiB, ParallelLimit = 1 };
        env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject", EveryNth = 2, Status = 403, ErrorCode = "AccessDenied", Times = 1 });
        await Should.ThrowAsync<CosException>(() => env.Client.DownloadFileAsync(Bucket, "over.bin", PathOf("over.bin"), options));
        File.Exists(PathOf("over.bin") + CosClient.DownloadPartialSuffix).ShouldBeTrue();
        var replacement = RandomBytes(3 * MiB, seed: 11);
        await env.PutAsync("over.bin", replacement);
        env.Emulator.Faults.Clear();
        var gets = env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject" });

        var result = await env.Client.DownloadFileAsync(Bucket, "over.bin", PathOf("over.bin"), options);

        gets.Fired.ShouldBe(3);
        result.ResumedBytes.ShouldBe(0);
        (await File.ReadAllBytesAsync(PathOf("over.bin"))).ShouldBe(replacement);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1000, 3)]
    [InlineData((3 * 1024 * 1024) + 17, 3)]
    [InlineData((3 * 1024 * 1024) + 17, 1)]
    public async Task DownloadToAStreamWritesEveryByteInOrder(int size, int parallel)
    {
        await using var env = await StartAsync();
        var data = RandomBytes(size, seed: 12);
        await env.PutAsync("stream.bin", data);
        env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject", Times = 1, ResetConnectionAfterBytes = 100_000 });
        using var destination = new MemoryStream();
        var progress = new RecordingProgress();

        var result = await env.Client.DownloadAsync(Bucket, "stream.bin", destination, new CosDownloadOptions { PartSize = MiB, ParallelLimit = parallel }, progress);

        destination.ToArray().ShouldBe(data);
        result.Crc64.ShouldBe(Crc(data));
        progress.Reports[^1].Loaded.ShouldBe(size);
        progress.Reports.Select(r => r.Loaded).ShouldBeInOrder();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task DownloadToAStreamFailsWithObjectChanged(int parallel)
    {
        await using var env = await StartAsync();
        var data = RandomBytes(5 * MiB, seed: 13);
        await env.PutAsync("stream-change.bin", data);
        var replaced = 0;
        var progress = new SynchronousProgress(_ =>
        {
            if (Interlocked.Exchange(ref replaced, 1) == 0)
            {
                env.PutAsync("stream-change.bin", RandomBytes(10, seed: 14)).GetAwaiter().GetResult();
            }
        });

        await Should.ThrowAsync<CosObjectChangedException>(() => env.Client.DownloadAsync(Bucket, "stream-change.bin", Stream.Null, new CosDownloadOptions { PartSize = MiB, ParallelLimit = parallel }, progress));
    }

    [Fact]
    public async Task AStreamPartThatNeverSucceedsFailsWithItsOwnError()
    {
        await using var env = await StartAsync();
        var data = RandomBytes(6 * MiB, seed: 15);
        await env.PutAsync("stream-fail.bin", data);
        env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject", Status = 500 });

        var error = await Should.ThrowAsync<CosException>(() => env.Client.DownloadAsync(Bucket, "stream-fail.bin", new MemoryStream(), new CosDownloadOptions { PartSize = MiB, ParallelLimit = 3 }));

        error.StatusCode.ShouldBe(500);
    }

    [Fact]
    public async Task ANonResumableDownloadLeavesNothingBehindOnFailure()
    {
        await using var env = await StartAsync();
        await env.PutAsync("nores.bin", RandomBytes(3 * MiB, seed: 16));
        env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject", EveryNth = 2, Status = 403, ErrorCode = "AccessDenied", Times = 1 });

        await Should.ThrowAsync<CosException>(() =>
            env.Client.DownloadFileAsync(Bucket, "nores.bin", PathOf("nores.bin"), new CosDownloadOptions { PartSize = MiB, ParallelLimit = 1, Resumable = false }));

        Directory.GetFiles(_directory).ShouldBeEmpty();
    }

    [Fact]
    public async Task AResumeWithoutThePartialFileStartsOver()
    {
        await using var env = await StartAsync();
        var data = RandomBytes(3 * MiB, seed: 17);
        await env.PutAsync("lost.bin", data);
        var options = new CosDownloadOptions { PartSize = MiB, ParallelLimit = 1 };
        env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject", EveryNth = 3, Status = 403, ErrorCode = "AccessDenied", Times = 1 });
        await Should.ThrowAsync<CosException>(() => env.Client.DownloadFileAsync(Bucket, "lost.bin", PathOf("lost.bin"), options));
        File.Delete(PathOf("lost.bin") + CosClient.DownloadPartialSuffix);
        env.Emulator.Faults.Clear();
        var gets = env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject" });

        var result = await env.Client.DownloadFileAsync(Bucket, "lost.bin", PathOf("lost.bin"), options);

        gets.Fired.ShouldBe(3);
        result.ResumedBytes.ShouldBe(0);
        (await File.ReadAllBytesAsync(PathOf("lost.bin"))).ShouldBe(data);
        Directory.GetFiles(_directory).Length.ShouldBe(1);
    }

    [Fact]
    public async Task AKilledProcessResumesFromTheCheckpointItLeft()
    {
        await using var env = await StartAsync();
        var data = RandomBytes(4 * MiB, seed: 18);
        await env.PutAsync("killed.bin", data);
        var head = await env.Client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "killed.bin" });

        // What a process killed after parts 1 and 3 (and part 2 half written, not recorded) leaves behind.
        var partial = PathOf("killed.bin") + CosClient.DownloadPartialSuffix;
        var onDisk = new byte[data.Length];
        data.AsSpan(0, (int)MiB).CopyTo(onDisk);
        data.AsSpan((int)MiB, (int)(MiB / 2)).CopyTo(onDisk.AsSpan((int)MiB));
        data.AsSpan(2 * (int)MiB, (int)MiB).CopyTo(onDisk.AsSpan(2 * (int)MiB));
        await File.WriteAllBytesAsync(partial, onDisk);
        new DownloadCheckpoint
        {
            Bucket = Bucket,
            Key = "killed.bin",
            ETag = head.ETag,
            Size = data.Length,
            PartSize = MiB,
            Parts =
            [
                new DownloadCheckpointPart { Index = 0, Crc64 = Crc(data[..(int)MiB]) },
                new DownloadCheckpointPart { Index = 2, Crc64 = Crc(data[(2 * (int)MiB)..(3 * (int)MiB)]) },
            ],
        }.Save(partial + ".json");
        var gets = env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject" });

        var result = await env.Client.DownloadFileAsync(Bucket, "killed.bin", PathOf("killed.bin"), new CosDownloadOptions { PartSize = MiB, ParallelLimit = 2 });

        gets.Fired.ShouldBe(2);
        result.ResumedBytes.ShouldBe(2 * MiB);
        (await File.ReadAllBytesAsync(PathOf("killed.bin"))).ShouldBe(data);
        Directory.GetFiles(_directory).Length.ShouldBe(1);
    }
}

public sealed class DownloadIntegrityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cos-download-crc-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Makes the HEAD report another CRC-64, as if the bytes had been damaged on the way.</summary>
    private static void WrongCrcOnHead(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (request.Method == HttpMethod.Head)
        {
            response.Headers.Remove("x-cos-hash-crc64ecma");
            response.Headers.TryAddWithoutValidation("x-cos-hash-crc64ecma", "12345");
        }
    }

    [Fact]
    public async Task AFileWithTheWrongCrcIsNeverMovedIntoPlace()
    {
        await using var env = await StartAsync(tamper: WrongCrcOnHead);
        var data = RandomBytes((2 * MiB) + 9, seed: 20);
        await env.PutAsync("crc.bin", data);
        var path = Path.Combine(_directory, "crc.bin");
        await File.WriteAllTextAsync(path, "keep me");

        var error = await Should.ThrowAsync<CosIntegrityException>(() =>
            env.Client.DownloadFileAsync(Bucket, "crc.bin", path, new CosDownloadOptions { PartSize = MiB }));

        error.ExpectedCrc64.ShouldBe(12345UL);
        error.ActualCrc64.ShouldBe(Crc(data));
        (await File.ReadAllTextAsync(path)).ShouldBe("keep me");
        Directory.GetFiles(_directory).Length.ShouldBe(1);
    }

    [Fact]
    public async Task AStreamWithTheWrongCrcFails()
    {
        await using var env = await StartAsync(tamper: WrongCrcOnHead);
        var data = RandomBytes(3000, seed: 21);
        await env.PutAsync("crc-stream.bin", data);

        await Should.ThrowAsync<CosIntegrityException>(() => env.Client.DownloadAsync(Bucket, "crc-stream.bin", new MemoryStream()));
    }
}
