using Cos.Generated.Transfer;
using static Cos.Generated.Tests.Transfer.UploadHarness;

namespace Cos.Generated.Tests.Transfer;

public sealed class UploadObjectHeadersTests
{
    [Theory]
    [InlineData(10)] // one PUT
    [InlineData((2 * MiB) + 3)] // InitiateMultipartUpload carries the headers
    public async Task CacheControl_and_ContentDisposition_are_stored_with_the_object(int length)
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var options = new CosUploadOptions
        {
            CheckpointDirectory = harness.CheckpointDirectory,
            ContentType = "text/plain",
            CacheControl = "public, max-age=31536000, immutable",
            ContentDisposition = "attachment; filename=\"report.txt\"",
        };

        await client.UploadFileAsync(Bucket, "headers.bin", harness.WriteFile(RandomBytes(length)), options);

        var head = await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "headers.bin" });
        head.CacheControl.ShouldBe("public, max-age=31536000, immutable");
        head.ContentDisposition.ShouldBe("attachment; filename=\"report.txt\"");
        head.ContentType.ShouldBe("text/plain");
    }
}
