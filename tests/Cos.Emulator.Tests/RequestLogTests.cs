using Cos.Emulator.Diagnostics;
using Cos.Emulator.Faults;
using Cos.Generated;

namespace Cos.Emulator.Tests;

public sealed class RequestLogTests
{
    [Fact]
    public async Task Each_request_is_logged_with_its_operation_key_query_and_status()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos, maxRetries: 0);
        var uploadId = (await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "dir/a b.bin" })).UploadId!;
        await client.UploadPartAsync(new UploadPartRequest { Bucket = Emulators.Bucket, Key = "dir/a b.bin", UploadId = uploadId, PartNumber = 2, Body = new MemoryStream([1, 2, 3]) });
        await Should.ThrowAsync<CosException>(() => client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "missing" }));

        var requests = cos.Requests;

        requests.Select(r => r.Operation).ShouldBe(["InitiateMultipartUpload", "UploadPart", "HeadObject"]);
        requests.Select(r => r.Sequence).ShouldBe([1L, 2L, 3L]);
        requests.ShouldAllBe(r => r.Bucket == Emulators.Bucket && r.Completed && !r.Aborted);
        requests[0].Method.ShouldBe("POST");
        requests[0].Key.ShouldBe("dir/a b.bin");
        requests[0].Path.ShouldBe("/dir/a b.bin");
        requests[0].Query.ShouldBe([new KeyValuePair<string, string>("uploads", "")]);
        requests[1].Method.ShouldBe("PUT");
        requests[1].PartNumber.ShouldBe(2);
        requests[1].UploadId.ShouldBe(uploadId);
        requests[1].StatusCode.ShouldBe(200);
        requests[2].Key.ShouldBe("missing");
        requests[2].StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task The_log_keeps_only_the_latest_requests_and_can_be_cleared_or_turned_off()
    {
        await using var cos = await Emulators.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Emulators.Bucket)], RequestLogCapacity = 3 });
        using var client = Emulators.Client(cos, maxRetries: 0);
        for (var i = 1; i <= 5; i++)
        {
            await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = $"k{i}", Body = new MemoryStream([1]) });
        }

        cos.Requests.Select(r => r.Key).ShouldBe(["k3", "k4", "k5"]);
        cos.RequestLog.Total.ShouldBe(5);
        cos.RequestLog.Clear();
        cos.Requests.ShouldBeEmpty();
        await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "k5" });
        cos.Requests.ShouldHaveSingleItem().Sequence.ShouldBe(6);

        await using var off = await Emulators.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Emulators.Bucket)], RequestLogCapacity = 0 });
        using var offClient = Emulators.Client(off, maxRetries: 0);
        await offClient.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "k", Body = new MemoryStream([1]) });
        off.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task WaitForAsync_returns_a_kept_match_at_once_waits_for_a_later_one_and_ends_with_its_token()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos, maxRetries: 0);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // against a hang only
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "a", Body = new MemoryStream([1]) });

        // Routed before the answer was sent, so kept by the time the client has it.
        var kept = cos.RequestLog.WaitForAsync(r => r.Key == "a", guard.Token);
        kept.IsCompletedSuccessfully.ShouldBeTrue();
        (await kept).Operation.ShouldBe("PutObject");

        var later = cos.RequestLog.WaitForAsync(r => r.Key == "b" && r.Operation == "HeadObject", guard.Token);
        later.IsCompleted.ShouldBeFalse();
        await Should.ThrowAsync<CosException>(() => client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "b" }));
        (await later).Sequence.ShouldBe(2);

        using var stop = new CancellationTokenSource();
        var never = cos.RequestLog.WaitForAsync(r => r.Key == "never", stop.Token);
        stop.Cancel();
        await Should.ThrowAsync<OperationCanceledException>(() => never);
    }

    [Fact]
    public async Task A_stalled_response_sends_exactly_its_first_bytes_and_is_logged_as_aborted_once_the_client_leaves()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos, maxRetries: 0);
        var body = Emulators.Bytes(300_000);
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "stall.bin", Body = new MemoryStream(body) });
        var rule = cos.Faults.Add(new FaultRule { Operation = "GetObject", StallResponseAfterBytes = 1000, Times = 1 });
        cos.RequestLog.Clear();

        // A guard against a hang, not a timing assertion: every wait below ends on the emulator's own progress.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        LoggedRequest held;
        using (var http = Emulators.Raw(cos))
        {
            using var response = await http.SendAsync(RawRequests.Create(cos, HttpMethod.Get, "/stall.bin"), HttpCompletionOption.ResponseHeadersRead, guard.Token);
            ((int)response.StatusCode).ShouldBe(200);
            await using var stream = await response.Content.ReadAsStreamAsync(guard.Token);
            var first = new byte[1000];
            await stream.ReadExactlyAsync(first, guard.Token);
            first.ShouldBe(body[..1000]);

            // The server holds the request open while the client is connected. Checked before the client gives up
            // below: giving up closes the connection, and the server may log the abort at once.
            held = cos.Requests.ShouldHaveSingleItem();
            held.Operation.ShouldBe("GetObject");
            held.Completed.ShouldBeFalse();

            // The server holds the rest: a further read gets nothing until the test gives up on it.
            using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await Should.ThrowAsync<OperationCanceledException>(async () => await stream.ReadExactlyAsync(new byte[1], giveUp.Token));
        }

        rule.Fired.ShouldBe(1);
        var logged = await cos.RequestLog.WaitForAsync(r => r.Completed, guard.Token);
        logged.Aborted.ShouldBeTrue();
        logged.Operation.ShouldBe("GetObject");
        logged.Sequence.ShouldBe(held.Sequence);

        await using var again = await client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "stall.bin" });
        (await Emulators.ReadAllAsync(again.Body)).ShouldBe(body);
    }
}
