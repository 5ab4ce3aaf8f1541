using Cos.Generated.Tests.Infrastructure;

namespace Cos.Generated.Tests.Transfer;

public sealed class DownloadHeadTests
{
    [Fact]
    public async Task HeadOfAnObjectLargerThanTheBufferedLimitGivesItsSize()
    {
        await using var server = await ScriptedServer.StartAsync();
        const long size = 100L * 1024 * 1024 * 1024;
        server.Enqueue(context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength = size;
            context.Response.Headers["ETag"] = "\"abc\"";
            context.Response.Headers["x-cos-hash-crc64ecma"] = "42";
            return Task.CompletedTask;
        });
        using var client = TestClients.Create(server);

        var head = await client.HeadObjectAsync(new HeadObjectRequest { Bucket = TestClients.Bucket, Key = "huge.bin" });

        head.ContentLength.ShouldBe(size);
        head.ETag.ShouldBe("\"abc\"");
        head.Crc64.ShouldBe(42UL);
    }
}

public sealed class DownloadPartCountTests
{
    [Theory]
    [InlineData(null, 1024 * 1024, 100, 8 * 1024 * 1024)]
    [InlineData(null, 16 * 1024 * 1024, 100, 16 * 1024 * 1024)]
    [InlineData(1L, 1024 * 1024, 20_001, 3)]
    [InlineData(1024L * 1024, 1024 * 1024, 100L * 1024 * 1024 * 1024, 10_737_419)]
    public void ThePartSizeGrowsSoNoDownloadNeedsMoreThan10000Ranges(long? option, long chunkSize, long size, long expected)
    {
        var partSize = Cos.Generated.Transfer.ObjectDownloader.DownloadPartSize(option, chunkSize, size);

        partSize.ShouldBe(expected);
        ((size + partSize - 1) / partSize).ShouldBeLessThanOrEqualTo(10_000);
    }
}
