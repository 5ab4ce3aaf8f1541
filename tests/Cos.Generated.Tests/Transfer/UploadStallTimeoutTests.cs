using Cos.Emulator.Faults;
using static Cos.Generated.Tests.Transfer.DownloadTestEnvironment;

namespace Cos.Generated.Tests.Transfer;

/// <summary>
/// <see cref="CosClientOptions.StallTimeout"/> on request bodies: an upload the emulator stops reading
/// (<see cref="FaultRule.StallRequestAfterBytes"/>) fails with <see cref="CosStallTimeoutException"/> and is retried.
/// Runs alone (<see cref="RunAloneCollection"/>): its held connection must not meet other tests' activity.
/// </summary>
[Collection(RunAloneCollection.Name)]
public sealed class UploadStallTimeoutTests
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(2);

    /// <summary>Only a guard against hanging for good if a stall went undetected; never reached when it works.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_upload_body_the_server_stops_reading_fails_typed_and_is_retried()
    {
        await using var env = await StartAsync(o => o with { StallTimeout = Stall, MaxRetries = 1 });
        // Larger than what the connection buffers (socket buffers and the server's), so the client's writes block.
        var data = RandomBytes(64 * MiB, seed: 46);
        var stall = env.Emulator.Faults.Add(new FaultRule { Operation = "PutObject", StallRequestAfterBytes = 64 * 1024, Times = 1 });

        await env.PutAsync("upload.bin", data).WaitAsync(HangGuard);

        stall.Fired.ShouldBe(1);
        env.Emulator.Requests.Count(r => r.Operation == "PutObject").ShouldBe(2);
        (await env.GetAsync("upload.bin")).AsSpan().SequenceEqual(data).ShouldBeTrue(); // (Shouldly compares 64 MiB slowly)

        env.Emulator.Faults.Add(new FaultRule { Operation = "PutObject", StallRequestAfterBytes = 64 * 1024, Times = 1 });
        using var noRetry = new CosClient(env.Client.Options with { MaxRetries = 0 });
        var error = await Should.ThrowAsync<CosStallTimeoutException>(() =>
            noRetry.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "upload.bin", Body = new MemoryStream(data), ContentLength = data.Length }).WaitAsync(HangGuard));
        error.IsRequestBody.ShouldBeTrue();
        error.OperationName.ShouldBe("PutObject");
        error.BytesTransferred.ShouldBeGreaterThanOrEqualTo(64 * 1024);
        error.BytesTransferred.ShouldBeLessThan(data.Length);
    }
}
