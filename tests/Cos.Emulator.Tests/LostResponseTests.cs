using Cos.Emulator.Faults;
using Cos.Generated;

namespace Cos.Emulator.Tests;

/// <summary><see cref="FaultRule.LoseResponse"/>: the operation takes effect, and its answer never reaches the client.</summary>
public sealed class LostResponseTests
{
    [Fact]
    public async Task A_lost_InitiateMultipartUpload_answer_leaves_an_upload_the_client_never_heard_of()
    {
        await using var cos = await Emulators.StartAsync();
        var rule = cos.Faults.Add(new FaultRule { Operation = "InitiateMultipartUpload", LoseResponse = true, Times = 1 });
        using var client = Emulators.Client(cos, maxRetries: 0);

        await Should.ThrowAsync<HttpRequestException>(() => client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "lost/init.bin" }));

        rule.Fired.ShouldBe(1);
        cos.Store.ListUploads(Emulators.Bucket).ShouldHaveSingleItem().Key.ShouldBe("lost/init.bin");
        var logged = cos.Requests.ShouldHaveSingleItem();
        logged.StatusCode.ShouldBe(200);
        logged.Aborted.ShouldBeTrue();
    }

    [Fact]
    public async Task A_lost_CompleteMultipartUpload_answer_still_creates_the_object()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos, maxRetries: 0);
        const string Key = "lost/complete.bin";
        var data = Emulators.Bytes(1000);
        var uploadId = (await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = Key })).UploadId!;
        var part = await client.UploadPartAsync(new UploadPartRequest { Bucket = Emulators.Bucket, Key = Key, UploadId = uploadId, PartNumber = 1, Body = new MemoryStream(data) });
        cos.Faults.Add(new FaultRule { Operation = "CompleteMultipartUpload", LoseResponse = true, Times = 1 });

        await Should.ThrowAsync<HttpRequestException>(() => client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            Bucket = Emulators.Bucket,
            Key = Key,
            UploadId = uploadId,
            Parts = [new CompletedPart { PartNumber = 1, ETag = part.ETag! }],
        }));

        cos.Store.ListUploads(Emulators.Bucket).ShouldBeEmpty();
        await using var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = Key });
        (await Emulators.ReadAllAsync(get.Body)).ShouldBe(data);
    }

    [Fact]
    public async Task An_error_answer_is_lost_too()
    {
        await using var cos = await Emulators.StartAsync();
        cos.Faults.Add(new FaultRule { Operation = "GetObject", LoseResponse = true, Times = 1 });
        using var client = Emulators.Client(cos, maxRetries: 0);

        // Not the 404 NoSuchKey the operation answered: the connection closes first.
        await Should.ThrowAsync<HttpRequestException>(() => client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "missing" }));

        cos.Requests.ShouldHaveSingleItem().StatusCode.ShouldBe(404);
    }
}
