using Cos.Generated.Transfer;
using static Cos.Generated.Tests.Transfer.UploadHarness;

namespace Cos.Generated.Tests.Transfer;

public sealed class UploadResumeTests
{
    private const string Key = "resume/video.bin";

    /// <summary>Uploads with one part in flight and cancels once the server has answered part 3 (the process "dies" there).</summary>
    private static async Task<string> UploadThreePartsThenCancelAsync(UploadHarness harness, string path)
    {
        using var cancel = new CancellationTokenSource();
        using var client = harness.TamperingClient(
            (request, _) =>
            {
                if (request.RequestUri!.Query.Contains("partNumber=3&", StringComparison.Ordinal) || request.RequestUri.Query.EndsWith("partNumber=3", StringComparison.Ordinal))
                {
                    cancel.Cancel();
                }
            },
            parallel: 1);

        await Should.ThrowAsync<OperationCanceledException>(() => client.UploadFileAsync(Bucket, Key, path, harness.UploadOptions(), cancellationToken: cancel.Token));

        var uploads = await harness.ListUploadsAsync(client, Key);
        uploads.Count.ShouldBe(1); // kept for a resume (the default)
        var parts = new List<PartSummary>();
        await foreach (var part in client.EnumeratePartsAsync(new ListPartsRequest { Bucket = Bucket, Key = Key, UploadId = uploads[0].UploadId! }))
        {
            parts.Add(part);
        }

        parts.Select(p => p.PartNumber).ShouldBe([1, 2, 3]);
        return uploads[0].UploadId!;
    }

    [Fact]
    public async Task A_canceled_upload_resumes_in_a_new_client_from_its_checkpoint_sending_only_missing_parts()
    {
        await using var harness = await StartAsync();
        var data = RandomBytes(6 * MiB, seed: 21);
        var path = harness.WriteFile(data);
        var uploadId = await UploadThreePartsThenCancelAsync(harness, path);
        Directory.GetFiles(harness.CheckpointDirectory).Length.ShouldBe(1);

        var sent = harness.CountRequests("UploadPart");
        var listed = harness.CountRequests("ListMultipartUploads");
        var progress = new UploadProgressLog();
        using var client = harness.Client();
        var result = await client.UploadFileAsync(Bucket, Key, path, harness.UploadOptions(), progress);

        result.UploadId.ShouldBe(uploadId);
        result.PartCount.ShouldBe(6);
        sent.Fired.ShouldBe(3);
        listed.Fired.ShouldBe(0); // the checkpoint found the upload
        progress.Reports[^1].Loaded.ShouldBe(6 * MiB);
        (await harness.DownloadAsync(client, Key)).ShouldBe(data);
        Directory.GetFiles(harness.CheckpointDirectory).ShouldBeEmpty();
        (await harness.ListUploadsAsync(client, Key)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_a_checkpoint_the_upload_is_found_with_ListMultipartUploads_and_its_parts_checked_by_MD5()
    {
        await using var harness = await StartAsync();
        var data = RandomBytes(6 * MiB, seed: 22);
        var path = harness.WriteFile(data);
        var uploadId = await UploadThreePartsThenCancelAsync(harness, path);
        foreach (var file in Directory.GetFiles(harness.CheckpointDirectory))
        {
            File.Delete(file);
        }

        var sent = harness.CountRequests("UploadPart");
        var initiated = harness.CountRequests("InitiateMultipartUpload");
        using var client = harness.Client();
        var result = await client.UploadFileAsync(Bucket, Key, path, harness.UploadOptions());

        result.UploadId.ShouldBe(uploadId);
        sent.Fired.ShouldBe(3);
        initiated.Fired.ShouldBe(0);
        (await harness.DownloadAsync(client, Key)).ShouldBe(data);
    }

    [Fact]
    public async Task A_corrupted_checkpoint_is_ignored_and_the_upload_still_found()
    {
        await using var harness = await StartAsync();
        var data = RandomBytes(6 * MiB, seed: 28);
        var path = harness.WriteFile(data);
        var uploadId = await UploadThreePartsThenCancelAsync(harness, path);
        foreach (var file in Directory.GetFiles(harness.CheckpointDirectory))
        {
            await File.WriteAllTextAsync(file, "{ not json");
        }

        var sent = harness.CountRequests("UploadPart");
        using var client = harness.Client();
        var result = await client.UploadFileAsync(Bucket, Key, path, harness.UploadOptions());

        result.UploadId.ShouldBe(uploadId);
        sent.Fired.ShouldBe(3);
        (await harness.DownloadAsync(client, Key)).ShouldBe(data);
    }

    [Fact]
    public async Task Parts_whose_MD5_no_longer_matches_the_file_are_sent_again()
    {
        await using var harness = await StartAsync();
        var path = harness.WriteFile(RandomBytes(6 * MiB, seed: 23));
        await UploadThreePartsThenCancelAsync(harness, path);
        var changed = RandomBytes(6 * MiB, seed: 24); // same size, other content (and a new mtime)
        await File.WriteAllBytesAsync(path, changed);

        var sent = harness.CountRequests("UploadPart");
        using var client = harness.Client();
        await client.UploadFileAsync(Bucket, Key, path, harness.UploadOptions());

        sent.Fired.ShouldBe(6);
        (await harness.DownloadAsync(client, Key)).ShouldBe(changed);
    }

    [Fact]
    public async Task With_Resume_off_a_new_upload_is_started()
    {
        await using var harness = await StartAsync();
        var data = RandomBytes(6 * MiB, seed: 25);
        var path = harness.WriteFile(data);
        var oldUploadId = await UploadThreePartsThenCancelAsync(harness, path);

        var sent = harness.CountRequests("UploadPart");
        using var client = harness.Client();
        var result = await client.UploadFileAsync(Bucket, Key, path, harness.UploadOptions(resume: false));

        result.UploadId.ShouldNotBe(oldUploadId);
        sent.Fired.ShouldBe(6);
        (await harness.DownloadAsync(client, Key)).ShouldBe(data);
    }

    [Fact]
    public async Task A_checkpoint_whose_upload_was_aborted_starts_fresh()
    {
        await using var harness = await StartAsync();
        var data = RandomBytes(6 * MiB, seed: 26);
        var path = harness.WriteFile(data);
        var uploadId = await UploadThreePartsThenCancelAsync(harness, path);
        using var client = harness.Client();
        await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { Bucket = Bucket, Key = Key, UploadId = uploadId });

        var sent = harness.CountRequests("UploadPart");
        var result = await client.UploadFileAsync(Bucket, Key, path, harness.UploadOptions());

        result.UploadId.ShouldNotBe(uploadId);
        sent.Fired.ShouldBe(6);
        (await harness.DownloadAsync(client, Key)).ShouldBe(data);
    }

    [Fact]
    public async Task Cancel_with_Abort_leaves_nothing_on_the_server()
    {
        await using var harness = await StartAsync();
        var path = harness.WriteFile(RandomBytes(6 * MiB, seed: 27));
        using var cancel = new CancellationTokenSource();
        var progress = new UploadProgressLog { OnReport = report => { if (report.Loaded >= MiB) { cancel.Cancel(); } } };
        using var client = harness.Client(parallel: 1);

        await Should.ThrowAsync<OperationCanceledException>(() => client.UploadFileAsync(Bucket, Key, path, harness.UploadOptions(CosUploadFailureAction.Abort), progress, cancel.Token));

        (await harness.ListUploadsAsync(client, Key)).ShouldBeEmpty();
        Directory.GetFiles(harness.CheckpointDirectory).ShouldBeEmpty();
    }
}
