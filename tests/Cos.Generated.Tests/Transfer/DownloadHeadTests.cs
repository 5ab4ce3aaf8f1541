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
