using Cos.Emulator.Faults;
using Cos.Generated;

namespace Cos.Emulator.Tests;

/// <summary><see cref="FaultRule.ExpireCredentials"/>: the temporary key of the request runs out now, for good.</summary>
public sealed class CredentialExpiryTests
{
    [Fact]
    public async Task The_signing_temporary_key_expires_at_once_and_stays_expired_while_other_keys_still_work()
    {
        var first = new TemporaryKey("AKIDTMPFIRST", "tmp-secret-1", "token-1", DateTimeOffset.UtcNow.AddHours(1));
        var next = new TemporaryKey("AKIDTMPNEXT", "tmp-secret-2", "token-2", DateTimeOffset.UtcNow.AddHours(1));
        await using var cos = await Emulators.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Emulators.Bucket)], TemporaryKeys = [first, next] });
        using var withFirst = Emulators.Client(cos, first.TmpSecretId, first.TmpSecretKey, first.SecurityToken, maxRetries: 0);
        using var withNext = Emulators.Client(cos, next.TmpSecretId, next.TmpSecretKey, next.SecurityToken, maxRetries: 0);
        await withFirst.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "a", Body = new MemoryStream([1]) });
        var rule = cos.Faults.Add(new FaultRule { Operation = "PutObject", ExpireCredentials = true, Times = 1 });

        var refused = await Should.ThrowAsync<CosException>(() => withFirst.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "b", Body = new MemoryStream([2]) }));
        refused.StatusCode.ShouldBe(403);
        refused.ErrorMessage!.ShouldContain("expired");
        rule.Fired.ShouldBe(1);
        (await Should.ThrowAsync<CosException>(() => withFirst.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket }))).ErrorMessage!.ShouldContain("expired");

        await withNext.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "b", Body = new MemoryStream([2]) });
        cos.Store.GetObject(Emulators.Bucket, "b").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_permanent_key_is_not_affected()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos, maxRetries: 0);
        var rule = cos.Faults.Add(new FaultRule { ExpireCredentials = true });

        await client.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket });
        await client.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket });

        rule.Fired.ShouldBe(2);
    }
}
