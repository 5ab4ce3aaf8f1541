using Cos.Emulator.Faults;
using Cos.Generated.Integrity;
using Cos.Generated.Transfer;
using static Cos.Generated.Tests.Transfer.UploadHarness;

namespace Cos.Generated.Tests.Transfer;

/// <summary>
/// Answers lost after COS acted: an InitiateMultipartUpload whose upload exists although the client never learnt its
/// id (found again, so nothing is orphaned), and a CompleteMultipartUpload whose object was replaced before the retry
/// could confirm it (refused, not taken for ours).
/// </summary>
public sealed class LostAnswerTests
{
    [Fact]
    public async Task A_lost_Initiate_answer_is_found_again_and_the_upload_goes_on()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var data = RandomBytes((2 * MiB) + 1, seed: 31);
        var lost = harness.Emulator.Faults.Add(new FaultRule { Operation = "InitiateMultipartUpload", Times = 1, ResetConnectionAfterBytes = 5 });
        var initiates = harness.CountRequests("InitiateMultipartUpload");

        var result = await client.UploadFileAsync(Bucket, "initiate-lost.bin", harness.WriteFile(data), harness.UploadOptions(resume: false));

        lost.Fired.ShouldBe(1);
        initiates.Fired.ShouldBe(0); // not initiated twice: the lost one was adopted
        (await harness.DownloadAsync(client, "initiate-lost.bin")).ShouldBe(data);
        result.Crc64.ShouldBe(CosCrc64.Compute(data));
        (await harness.ListUploadsAsync(client, "initiate-lost.bin")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failed_upload_after_a_lost_Initiate_answer_leaves_no_orphan_with_Abort()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        harness.Emulator.Faults.Add(new FaultRule { Operation = "InitiateMultipartUpload", Times = 1, ResetConnectionAfterBytes = 5 });
        harness.Emulator.Faults.Add(new FaultRule { Operation = "UploadPart", Status = 403, ErrorCode = "AccessDenied" });

        var error = await Should.ThrowAsync<CosException>(() => client.UploadFileAsync(Bucket, "orphan.bin", harness.WriteFile(RandomBytes((2 * MiB) + 1, seed: 32)), harness.UploadOptions(CosUploadFailureAction.Abort, resume: false)));

        error.ErrorCode.ShouldBe("AccessDenied");
        (await harness.ListUploadsAsync(client, "orphan.bin")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_lost_Complete_answer_with_the_object_replaced_meanwhile_is_an_integrity_error()
    {
        await using var harness = await StartAsync();
        var replaced = 0;
        using var other = harness.Client();
        var intruder = RandomBytes((2 * MiB) + 1, seed: 33); // the same size: only the CRC-64 tells it apart
        using var client = harness.TamperingClient((request, response) =>
        {
            // The retry of Complete finds the upload gone; before the client looks at the object, someone replaces it.
            if (request.RequestUri!.Query.Contains("uploadId", StringComparison.Ordinal) && request.Method == HttpMethod.Post && (int)response.StatusCode == 404
                && Interlocked.Exchange(ref replaced, 1) == 0)
            {
                other.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "replaced.bin", Body = new MemoryStream(intruder) }).GetAwaiter().GetResult();
            }
        });
        var data = RandomBytes((2 * MiB) + 1, seed: 34);
        harness.Emulator.Faults.Add(new FaultRule { Operation = "CompleteMultipartUpload", Times = 1, ResetConnectionAfterBytes = 5 });

        var error = await Should.ThrowAsync<CosIntegrityException>(() => client.UploadFileAsync(Bucket, "replaced.bin", harness.WriteFile(data), harness.UploadOptions()));

        replaced.ShouldBe(1);
        error.ExpectedCrc64.ShouldBe(CosCrc64.Compute(data));
        error.ActualCrc64.ShouldBe(CosCrc64.Compute(intruder));
    }
}
