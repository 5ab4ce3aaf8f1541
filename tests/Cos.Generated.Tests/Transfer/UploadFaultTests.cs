using System.Diagnostics;
using Cos.Emulator.Faults;
using Cos.Generated.Integrity;
using Cos.Generated.Transfer;
using static Cos.Generated.Tests.Transfer.UploadHarness;

namespace Cos.Generated.Tests.Transfer;

public sealed class UploadFaultTests
{
    [Fact]
    public async Task A_part_failing_with_503_twice_is_retried_and_the_upload_succeeds()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var data = RandomBytes((3 * MiB) + 3, seed: 11);
        var fault = harness.Emulator.Faults.Add(new FaultRule { Operation = "UploadPart", PartNumber = 2, Times = 2, Status = 503, ErrorCode = "SlowDown" });
        var parts = harness.CountRequests("UploadPart");

        var result = await client.UploadFileAsync(Bucket, "retry.bin", harness.WriteFile(data), harness.UploadOptions());

        fault.Fired.ShouldBe(2);
        parts.Fired.ShouldBe(4); // the counting rule sees the third try of part 2 and the other three parts
        result.PartCount.ShouldBe(4);
        (await harness.DownloadAsync(client, "retry.bin")).ShouldBe(data);
    }

    [Fact]
    public async Task A_part_is_tried_ChunkRetryTimes_plus_one_times_not_multiplied_by_the_pipeline_retries()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client(chunkRetryTimes: 2);
        var data = RandomBytes((2 * MiB) + 1, seed: 12);
        var fault = harness.Emulator.Faults.Add(new FaultRule { Operation = "UploadPart", PartNumber = 1, Status = 500 });

        var error = await Should.ThrowAsync<CosException>(() => client.UploadFileAsync(Bucket, "tries.bin", harness.WriteFile(data), harness.UploadOptions()));

        error.StatusCode.ShouldBe(500);
        fault.Fired.ShouldBe(3);
    }

    [Fact]
    public async Task A_connection_reset_mid_part_is_retried()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var data = RandomBytes((3 * MiB) + 3, seed: 13);
        var reset = harness.Emulator.Faults.Add(new FaultRule { Operation = "UploadPart", PartNumber = 2, Times = 1, ResetConnectionAfterBytes = 300_000 });

        await client.UploadFileAsync(Bucket, "reset.bin", harness.WriteFile(data), harness.UploadOptions());

        reset.Fired.ShouldBe(1);
        (await harness.DownloadAsync(client, "reset.bin")).ShouldBe(data);
    }

    [Theory]
    [InlineData(CosUploadFailureAction.Keep, 1)]
    [InlineData(CosUploadFailureAction.Abort, 0)]
    public async Task A_part_that_never_succeeds_fails_the_upload_stops_its_siblings_and_keeps_or_aborts(CosUploadFailureAction onFailure, int uploadsLeft)
    {
        await using var harness = await StartAsync();
        var heldCanceled = 0;
        var part3Held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = harness.TamperingClient(tamper: null, parallel: 3, beforeSend: async (request, token) =>
        {
            if (request.RequestUri!.Query.Contains("partNumber=2", StringComparison.Ordinal))
            {
                await part3Held.Task.WaitAsync(token); // part 2 fails only once part 3 is in flight
            }

            if (request.RequestUri!.Query.Contains("partNumber=3", StringComparison.Ordinal))
            {
                part3Held.TrySetResult();
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), token); // held until the sibling's failure cancels it
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref heldCanceled);
                    throw;
                }
            }
        });
        var data = RandomBytes(6 * MiB, seed: 14);
        harness.Emulator.Faults.Add(new FaultRule { Operation = "UploadPart", PartNumber = 2, Status = 500 });
        var path = harness.WriteFile(data);
        var watch = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<CosException>(() => client.UploadFileAsync(Bucket, "never.bin", path, harness.UploadOptions(onFailure)));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15)); // part 3 (held 30 s) was canceled
        heldCanceled.ShouldBe(1);
        error.StatusCode.ShouldBe(500);
        var left = await harness.ListUploadsAsync(client, "never.bin");
        left.Count.ShouldBe(uploadsLeft);
        error.Data[CosClient.UploadIdDataKey].ShouldBe(uploadsLeft == 1 ? left[0].UploadId : null);
        Directory.GetFiles(harness.CheckpointDirectory).Length.ShouldBe(uploadsLeft);
    }

    [Fact]
    public async Task Complete_failing_with_503_is_retried()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var data = RandomBytes((2 * MiB) + 1, seed: 17);
        var fault = harness.Emulator.Faults.Add(new FaultRule { Operation = "CompleteMultipartUpload", Times = 1, Status = 503, ErrorCode = "ServiceUnavailable" });

        var result = await client.UploadFileAsync(Bucket, "complete-503.bin", harness.WriteFile(data), harness.UploadOptions());

        fault.Fired.ShouldBe(1);
        result.Crc64.ShouldBe(CosCrc64.Compute(data));
        (await harness.DownloadAsync(client, "complete-503.bin")).ShouldBe(data);
    }

    [Fact]
    public async Task A_lost_Complete_answer_is_confirmed_by_the_objects_CRC()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var data = RandomBytes((2 * MiB) + 1, seed: 18);
        var fault = harness.Emulator.Faults.Add(new FaultRule { Operation = "CompleteMultipartUpload", Times = 1, ResetConnectionAfterBytes = 5 });
        var heads = harness.CountRequests("HeadObject");

        var result = await client.UploadFileAsync(Bucket, "complete-lost.bin", harness.WriteFile(data), harness.UploadOptions());

        fault.Fired.ShouldBe(1);
        heads.Fired.ShouldBe(1); // the retry found NoSuchUpload and checked the object instead
        result.Crc64.ShouldBe(CosCrc64.Compute(data));
        (await harness.DownloadAsync(client, "complete-lost.bin")).ShouldBe(data);
    }

    [Fact]
    public async Task An_abort_that_fails_does_not_hide_the_original_error()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        harness.Emulator.Faults.Add(new FaultRule { Operation = "UploadPart", PartNumber = 1, Status = 403, ErrorCode = "AccessDenied" });
        var abort = harness.Emulator.Faults.Add(new FaultRule { Operation = "AbortMultipartUpload", Status = 500, ErrorCode = "InternalError" });

        var error = await Should.ThrowAsync<CosException>(() => client.UploadFileAsync(Bucket, "abort-fails.bin", harness.WriteFile(RandomBytes((2 * MiB) + 1)), harness.UploadOptions(CosUploadFailureAction.Abort)));

        error.ErrorCode.ShouldBe("AccessDenied");
        abort.Fired.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_client_error_on_a_part_is_not_retried()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var fault = harness.Emulator.Faults.Add(new FaultRule { Operation = "UploadPart", PartNumber = 1, Status = 403, ErrorCode = "AccessDenied" });

        var error = await Should.ThrowAsync<CosException>(() => client.UploadFileAsync(Bucket, "denied.bin", harness.WriteFile(RandomBytes((2 * MiB) + 1)), harness.UploadOptions()));

        error.ErrorCode.ShouldBe("AccessDenied");
        fault.Fired.ShouldBe(1);
    }

    [Fact]
    public async Task A_corrupted_part_CRC_is_an_integrity_error_after_its_retries()
    {
        await using var harness = await StartAsync();
        var tampered = 0;
        using var client = harness.TamperingClient((request, response) =>
        {
            if (request.RequestUri!.Query.Contains("partNumber=2", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref tampered);
                response.Headers.Remove("x-cos-hash-crc64ecma");
                response.Headers.TryAddWithoutValidation("x-cos-hash-crc64ecma", "12345");
            }
        });

        var error = await Should.ThrowAsync<CosIntegrityException>(() => client.UploadFileAsync(Bucket, "corrupt.bin", harness.WriteFile(RandomBytes((3 * MiB) + 1, seed: 15)), harness.UploadOptions()));

        error.PartNumber.ShouldBe(2);
        error.ActualCrc64.ShouldBe(12345UL);
        tampered.ShouldBe(3); // ChunkRetryTimes = 2
    }

    [Fact]
    public async Task A_corrupted_object_CRC_from_Complete_is_an_integrity_error()
    {
        await using var harness = await StartAsync();
        using var client = harness.TamperingClient((request, response) =>
        {
            if (request.Method == HttpMethod.Post && request.RequestUri!.Query.Contains("uploadId=", StringComparison.Ordinal))
            {
                response.Headers.Remove("x-cos-hash-crc64ecma");
                response.Headers.TryAddWithoutValidation("x-cos-hash-crc64ecma", "1");
            }
        });
        var data = RandomBytes((2 * MiB) + 1, seed: 16);

        var error = await Should.ThrowAsync<CosIntegrityException>(() => client.UploadFileAsync(Bucket, "corrupt-object.bin", harness.WriteFile(data), harness.UploadOptions()));

        error.PartNumber.ShouldBeNull();
        error.ExpectedCrc64.ShouldBe(CosCrc64.Compute(data));
    }

    [Fact]
    public async Task A_corrupted_CRC_on_a_simple_PUT_is_an_integrity_error()
    {
        await using var harness = await StartAsync();
        using var client = harness.TamperingClient((request, response) =>
        {
            if (request.Method == HttpMethod.Put)
            {
                response.Headers.Remove("x-cos-hash-crc64ecma");
                response.Headers.TryAddWithoutValidation("x-cos-hash-crc64ecma", "1");
            }
        });

        await Should.ThrowAsync<CosIntegrityException>(() => client.UploadFileAsync(Bucket, "corrupt-small.bin", harness.WriteFile(RandomBytes(100)), harness.UploadOptions()));
    }
}
