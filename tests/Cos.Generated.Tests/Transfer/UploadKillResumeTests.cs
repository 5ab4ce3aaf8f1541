using Cos.Emulator.Faults;
using static Cos.Generated.Tests.Transfer.UploadHarness;

namespace Cos.Generated.Tests.Transfer;

/// <summary>
/// Issue #4's "a process killed mid-upload and resumed (only missing parts sent)": a real child process uploads a
/// file, is killed with parts on the server, and this process resumes from the checkpoint it left behind.
/// </summary>
[Collection(RunAloneCollection.Name)]
public sealed class UploadKillResumeTests
{
    private const string Key = "killed/upload.bin";

    /// <summary>How long to wait for the child to reach a state; only a failing run waits this long.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task An_upload_process_killed_mid_way_is_resumed_with_the_same_upload_sending_only_the_missing_parts()
    {
        await using var harness = await StartAsync();
        var data = RandomBytes(8 * MiB, seed: 71);
        var path = harness.WriteFile(data, "killed.bin");

        // The server holds parts 3 and later without storing them until their connection goes away, so the kill
        // lands mid-upload, with exactly parts 1 and 2 complete, however fast or slow the machine is.
        for (var part = 3; part <= 8; part++)
        {
            harness.Emulator.Faults.Add(new FaultRule { Operation = "UploadPart", PartNumber = part, Latency = TimeSpan.FromHours(1) });
        }

        string uploadId;
        using (var child = KillTargetProcess.Start(harness.Emulator, Bucket, Key, path, harness.CheckpointDirectory))
        {
            // With two parts in flight, parts 3 and 4 are sent only once parts 1 and 2 have been answered.
            await WaitUntilAsync(child, () => harness.Emulator.Requests.Where(r => r.Operation == "UploadPart" && r.PartNumber is 3 or 4).Select(r => r.PartNumber).Distinct().Count() == 2);
            var childParts = harness.Emulator.Requests.Where(r => r.Operation == "UploadPart").ToList();
            uploadId = childParts.Select(r => r.UploadId).Distinct().ShouldHaveSingleItem()!;
            childParts.Select(r => r.PartNumber).Order().ShouldBe([1, 2, 3, 4]);
            (await ListPartNumbersAsync(harness, uploadId)).ShouldBe([1, 2]);

            await child.KillAsync();

            child.Output.ShouldContain(line => line.StartsWith("started ", StringComparison.Ordinal));
            child.Output.ShouldNotContain(line => line.StartsWith("done ", StringComparison.Ordinal) || line.StartsWith("failed ", StringComparison.Ordinal));
        }

        Directory.GetFiles(harness.CheckpointDirectory).Length.ShouldBe(1); // left behind by the killed process
        harness.Emulator.Faults.Clear();
        harness.Emulator.RequestLog.Clear();
        using var client = harness.Client(parallel: 2);

        var result = await client.UploadFileAsync(Bucket, Key, path, harness.UploadOptions());

        var resumed = harness.Emulator.Requests;
        result.UploadId.ShouldBe(uploadId);
        result.PartCount.ShouldBe(8);
        resumed.ShouldNotContain(r => r.Operation == "InitiateMultipartUpload" || r.Operation == "ListMultipartUploads"); // found through the checkpoint
        var sent = resumed.Where(r => r.Operation == "UploadPart").ToList();
        sent.ShouldAllBe(r => r.UploadId == uploadId);
        sent.Select(r => r.PartNumber).Order().ShouldBe([3, 4, 5, 6, 7, 8]); // parts 1 and 2 were complete before the kill
        (await harness.DownloadAsync(client, Key)).ShouldBe(data);
        (await harness.ListUploadsAsync(client, Key)).ShouldBeEmpty();
        Directory.GetFiles(harness.CheckpointDirectory).ShouldBeEmpty();
    }

    private static async Task<List<int>> ListPartNumbersAsync(UploadHarness harness, string uploadId)
    {
        using var client = harness.Client();
        var numbers = new List<int>();
        await foreach (var part in client.EnumeratePartsAsync(new ListPartsRequest { Bucket = Bucket, Key = Key, UploadId = uploadId }))
        {
            numbers.Add(part.PartNumber!.Value);
        }

        return numbers;
    }

    /// <summary>Polls <paramref name="condition"/>; fails with the child's output if the child exits first or the deadline passes.</summary>
    private static async Task WaitUntilAsync(KillTargetProcess child, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            if (child.HasExited || DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"The child {(child.HasExited ? "exited" : "did not get there in time")}; its output:\n{string.Join('\n', child.Output)}");
            }

            await Task.Delay(20);
        }
    }
}
