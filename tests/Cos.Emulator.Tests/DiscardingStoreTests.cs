using System.Security.Cryptography;
using Cos.Generated;
using Cos.Generated.Integrity;

namespace Cos.Emulator.Tests;

/// <summary>The benchmark store keeps sizes, ETags and CRC-64 but no bytes, and hashes MD5 only when asked to check it.</summary>
public sealed class DiscardingStoreTests
{
    [Fact]
    public async Task Without_Content_MD5_the_body_is_dropped_and_sizes_ETags_and_CRC64_are_kept()
    {
        await using var cos = await Emulators.StartAsync(new CosEmulatorOptions { DiscardBodies = true, Buckets = [new EmulatorBucket(Emulators.Bucket)] });
        using var client = Emulators.Client(cos);
        var body = Emulators.Bytes(300_000);

        var first = await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "a.bin", Body = new MemoryStream(body) });
        var second = await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "b.bin", Body = new MemoryStream(body) });

        first.Crc64.ShouldBe(CosCrc64.Compute(body));
        first.ETag.ShouldBe(second.ETag, "the same content has the same ETag");
        first.ETag.ShouldNotBe($"\"{Convert.ToHexStringLower(MD5.HashData(body))}\"", "without Content-MD5 no MD5 is computed");
        var head = await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "a.bin" });
        head.ContentLength.ShouldBe(body.Length);
        head.Crc64.ShouldBe(first.Crc64);
    }

    [Fact]
    public async Task With_Content_MD5_the_digest_is_checked_and_becomes_the_ETag()
    {
        await using var cos = await Emulators.StartAsync(new CosEmulatorOptions { DiscardBodies = true, Buckets = [new EmulatorBucket(Emulators.Bucket)] });
        using var client = Emulators.Client(cos);
        var body = Emulators.Bytes(1000);
        var md5 = MD5.HashData(body);

        var put = await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "a.bin", Body = new MemoryStream(body), ContentMd5 = Convert.ToBase64String(md5) });
        put.ETag.ShouldBe($"\"{Convert.ToHexStringLower(md5)}\"");

        var wrong = await Should.ThrowAsync<CosException>(() => client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "b.bin", Body = new MemoryStream(body), ContentMd5 = Convert.ToBase64String(new byte[16]) }));
        wrong.ErrorCode.ShouldBe("BadDigest");
    }
}
