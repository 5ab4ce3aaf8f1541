using Cos.Generated;

namespace Cos.Emulator.Tests;

public sealed class ObjectTests
{
    [Fact]
    public async Task A_HEAD_error_names_what_is_missing_through_x_cos_error_code()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);

        var key = await Should.ThrowAsync<CosException>(() => client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "missing.txt" }));
        var bucket = await Should.ThrowAsync<CosException>(() => client.HeadObjectAsync(new HeadObjectRequest { Bucket = "nosuchbucket-1250000000", Key = "missing.txt" }));

        (key.StatusCode, key.ErrorCode).ShouldBe((404, "NoSuchKey"));
        (bucket.StatusCode, bucket.ErrorCode).ShouldBe((404, "NoSuchBucket"));
    }

    [Theory]
    [InlineData("plain.txt")]
    [InlineData("dir/with space/a b.txt")]
    [InlineData("plus+sign+key")]
    [InlineData("中文/文件 名.txt")]
    [InlineData("emoji-😀-key")]
    [InlineData("()!*'~;,@$&=")]
    [InlineData("../../etc/passwd")]
    [InlineData("a//b///c")]
    [InlineData("percent%20literal%2Fkey")]
    [InlineData("question?hash#key")]
    public async Task Put_get_head_delete_round_trip_any_key(string key)
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        var body = Emulators.Bytes(1000);
        var put = await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = key, Body = new MemoryStream(body) });
        put.ETag.ShouldBe($"\"{Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(body))}\"");
        put.Crc64.ShouldBe(Cos.Generated.Integrity.CosCrc64.Compute(body));

        await using (var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = key }))
        {
            (await Emulators.ReadAllAsync(get.Body)).ShouldBe(body);
            get.ETag.ShouldBe(put.ETag);
        }

        var head = await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = key });
        head.ContentLength.ShouldBe(1000);

        var listed = await client.EnumerateObjectsAsync(new GetBucketRequest { Bucket = Emulators.Bucket }).ToListAsync();
        listed.Select(o => o.Key).ShouldBe([key]);

        await client.DeleteObjectAsync(new DeleteObjectRequest { Bucket = Emulators.Bucket, Key = key });
        var missing = await Should.ThrowAsync<CosException>(() => client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = key }));
        missing.StatusCode.ShouldBe(404);
    }
}
