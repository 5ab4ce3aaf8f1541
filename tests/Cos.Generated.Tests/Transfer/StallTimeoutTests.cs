using Cos.Emulator.Faults;
using Cos.Generated.Transfer;
using static Cos.Generated.Tests.Transfer.DownloadTestEnvironment;

namespace Cos.Generated.Tests.Transfer;

/// <summary>
/// <see cref="CosClientOptions.StallTimeout"/>: response bodies the emulator stops sending mid-way
/// (<see cref="FaultRule.StallResponseAfterBytes"/>) fail with <see cref="CosStallTimeoutException"/>, are retried
/// where that is safe, and still give way to the caller's own cancellation.
/// </summary>
public sealed class StallTimeoutTests : IDisposable
{
    /// <summary>Short for a test, yet far above any pause between bytes on loopback, even on a loaded machine.</summary>
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(2);

    /// <summary>Only a guard against hanging for good if a stall went undetected; never reached when it works.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly string _directory = Directory.CreateTempSubdirectory("cos-stall-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public async Task A_streamed_GetObject_body_that_stalls_fails_with_a_typed_stall_error()
    {
        await using var env = await StartAsync(o => o with { StallTimeout = Stall });
        var data = RandomBytes(500_000, seed: 41);
        await env.PutAsync("stall.bin", data);
        var rule = env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject", StallResponseAfterBytes = 70_000, Times = 1 });

        using var response = await env.Client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "stall.bin" });
        using var copy = new MemoryStream();
        var error = await Should.ThrowAsync<CosStallTimeoutException>(() => response.Body.CopyToAsync(copy).WaitAsync(HangGuard));

        rule.Fired.ShouldBe(1);
        copy.ToArray().ShouldBe(data[..70_000]);
        error.BytesTransferred.ShouldBe(70_000);
        error.IsRequestBody.ShouldBeFalse();
        error.StallTimeout.ShouldBe(Stall);
        error.OperationName.ShouldBe("GetObject");
        error.Message.ShouldContain("StallTimeout");
        error.ShouldBeAssignableTo<TimeoutException>();
        var logged = await WaitForCompletedAsync(env, "GetObject");
        logged.Aborted.ShouldBeTrue(); // the client closed the stalled connection
    }

    [Fact]
    public async Task A_buffered_response_that_stalls_is_retried_by_the_pipeline_and_fails_typed_without_retries()
    {
        await using var env = await StartAsync(o => o with { StallTimeout = Stall, MaxRetries = 1 });
        await env.PutAsync("listed.txt", [1, 2, 3]);
        var rule = env.Emulator.Faults.Add(new FaultRule { Operation = "GetBucket", StallResponseAfterBytes = 40, Times = 1 });

        var listing = await env.Client.GetBucketAsync(new GetBucketRequest { Bucket = Bucket }).WaitAsync(HangGuard);

        listing.Contents.ShouldHaveSingleItem().Key.ShouldBe("listed.txt");
        rule.Fired.ShouldBe(1);
        env.Emulator.Requests.Count(r => r.Operation == "GetBucket").ShouldBe(2);

        env.Emulator.Faults.Add(new FaultRule { Operation = "GetBucket", StallResponseAfterBytes = 40, Times = 1 });
        using var noRetry = new CosClient(env.Client.Options with { MaxRetries = 0 });
        var error = await Should.ThrowAsync<CosStallTimeoutException>(() => noRetry.GetBucketAsync(new GetBucketRequest { Bucket = Bucket }).WaitAsync(HangGuard));
        error.BytesTransferred.ShouldBe(40);
        error.OperationName.ShouldBe("GetBucket");
    }

    [Fact]
    public async Task A_download_part_whose_ranged_GET_stalls_once_is_retried_and_the_file_is_correct()
    {
        await using var env = await StartAsync(o => o with { StallTimeout = Stall });
        var data = RandomBytes((3 * MiB) + 17, seed: 42);
        await env.PutAsync("parts.bin", data);
        var stall = env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject", StallResponseAfterBytes = 300_000, Times = 1 });
        env.Emulator.RequestLog.Clear();

        var result = await env.Client.DownloadFileAsync(Bucket, "parts.bin", PathOf("parts.bin"), new CosDownloadOptions { PartSize = MiB, ParallelLimit = 2 }).WaitAsync(HangGuard);

        stall.Fired.ShouldBe(1);
        (await File.ReadAllBytesAsync(PathOf("parts.bin"))).ShouldBe(data);
        result.Crc64.ShouldBe(Crc(data));
        env.Emulator.Requests.Count(r => r.Operation == "GetObject").ShouldBeGreaterThanOrEqualTo(4 + 1); // four parts, the stalled one again
    }

    [Fact]
    public async Task A_stream_download_whose_range_stalls_once_continues_where_it_stopped()
    {
        await using var env = await StartAsync(o => o with { StallTimeout = Stall });
        var data = RandomBytes((2 * MiB) + 3, seed: 43);
        await env.PutAsync("stream.bin", data);
        var stall = env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject", StallResponseAfterBytes = 123_456, Times = 1 });
        using var destination = new MemoryStream();

        await env.Client.DownloadAsync(Bucket, "stream.bin", destination, new CosDownloadOptions { PartSize = MiB, ParallelLimit = 1 }).WaitAsync(HangGuard);

        stall.Fired.ShouldBe(1);
        destination.ToArray().ShouldBe(data);
    }

    [Fact]
    public async Task The_callers_cancel_during_a_stall_is_an_OperationCanceledException_not_a_stall()
    {
        // A stall timeout far beyond the test: only the caller's cancel can end the read.
        await using var env = await StartAsync(o => o with { StallTimeout = TimeSpan.FromMinutes(10) });
        var data = RandomBytes(200_000, seed: 44);
        await env.PutAsync("held.bin", data);
        env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject", StallResponseAfterBytes = 1000, Times = 1 });

        using var response = await env.Client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "held.bin" });
        var first = new byte[1000];
        await response.Body.ReadExactlyAsync(first); // the server now holds the rest
        using var cancel = new CancellationTokenSource();
        var pending = response.Body.ReadAsync(new byte[1000], cancel.Token).AsTask();
        await cancel.CancelAsync();

        var error = await Should.ThrowAsync<OperationCanceledException>(() => pending.WaitAsync(HangGuard));
        error.CancellationToken.ShouldBe(cancel.Token);
        first.ShouldBe(data[..1000]);
    }

    [Fact]
    public async Task The_callers_cancel_during_a_stalled_download_part_stops_the_download()
    {
        await using var env = await StartAsync(o => o with { StallTimeout = TimeSpan.FromMinutes(10) });
        var data = RandomBytes(2 * MiB, seed: 45);
        await env.PutAsync("held.bin", data);
        env.Emulator.Faults.Add(new FaultRule { Operation = "GetObject", StallResponseAfterBytes = 100_000, Times = 1 });
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new SynchronousProgress(p =>
        {
            if (p.Loaded >= 100_000)
            {
                stalled.TrySetResult();
            }
        });
        using var cancel = new CancellationTokenSource();

        var download = env.Client.DownloadFileAsync(Bucket, "held.bin", PathOf("held.bin"), new CosDownloadOptions { PartSize = MiB, ParallelLimit = 1 }, progress, cancel.Token);
        await stalled.Task.WaitAsync(HangGuard); // the first 100,000 bytes arrived: the part is stalled
        await cancel.CancelAsync();

        var error = await Should.ThrowAsync<OperationCanceledException>(() => download.WaitAsync(HangGuard));
        error.ShouldNotBeOfType<CosStallTimeoutException>();
        File.Exists(PathOf("held.bin")).ShouldBeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void StallTimeout_must_be_positive_or_infinite(int seconds)
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => new CosClientOptions { StallTimeout = TimeSpan.FromSeconds(seconds) }.Validate());

        error.ParamName.ShouldBe(nameof(CosClientOptions.StallTimeout));
        error.Message.ShouldContain("InfiniteTimeSpan");
        new CosClientOptions().StallTimeout.ShouldBe(TimeSpan.FromSeconds(60));
        Should.NotThrow(() => new CosClientOptions { StallTimeout = Timeout.InfiniteTimeSpan }.Validate());
    }

    private static async Task<Cos.Emulator.Diagnostics.LoggedRequest> WaitForCompletedAsync(DownloadTestEnvironment env, string operation)
    {
        var deadline = DateTime.UtcNow + HangGuard;
        while (true)
        {
            if (env.Emulator.Requests.FirstOrDefault(r => r.Operation == operation && r.Completed) is { } logged)
            {
                return logged;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"no completed {operation} in the emulator's log");
            await Task.Delay(20);
        }
    }
}
