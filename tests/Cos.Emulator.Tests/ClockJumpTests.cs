using Cos.Emulator.Faults;
using Cos.Generated;

namespace Cos.Emulator.Tests;

/// <summary><see cref="FaultRule.ClockJump"/>: the server clock is stepped, and stays where the jumps put it.</summary>
public sealed class ClockJumpTests
{
    [Fact]
    public async Task Jumps_beyond_the_allowed_skew_refuse_signatures_until_the_client_adopts_the_servers_Date()
    {
        await using var cos = await Emulators.StartAsync();
        using var strict = Emulators.Client(cos, correctClockSkew: false, maxRetries: 0);
        using var correcting = Emulators.Client(cos, maxRetries: 0);
        var forward = cos.Faults.Add(new FaultRule { Operation = "GetBucket", ClockJump = TimeSpan.FromHours(1), Times = 1 });

        var error = await Should.ThrowAsync<CosException>(() => strict.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket }));
        error.ErrorCode.ShouldBe("RequestTimeTooSkewed");
        forward.Fired.ShouldBe(1);

        // The error's Date is an hour ahead: a client that adopts it signs in the server's time.
        await correcting.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket });
        await Should.ThrowAsync<CosException>(() => strict.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket }));

        // Back again: the jumps add up to none, so the strict client is right again and the correcting one adjusts back.
        cos.Faults.Add(new FaultRule { Operation = "HeadBucket", ClockJump = TimeSpan.FromHours(-1), Times = 1 });
        await strict.HeadBucketAsync(new HeadBucketRequest { Bucket = Emulators.Bucket });
        await correcting.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket });
    }

    [Fact]
    public async Task A_forward_jump_within_the_allowed_skew_expires_a_temporary_key_early()
    {
        var key = new TemporaryKey("AKIDTMPJUMP", "tmp-secret", "token-jump", DateTimeOffset.UtcNow.AddMinutes(10));
        await using var cos = await Emulators.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Emulators.Bucket)], TemporaryKeys = [key] });
        using var client = Emulators.Client(cos, key.TmpSecretId, key.TmpSecretKey, key.SecurityToken, maxRetries: 0);
        await client.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket });

        cos.Faults.Add(new FaultRule { ClockJump = TimeSpan.FromMinutes(11), Times = 1 });

        var error = await Should.ThrowAsync<CosException>(() => client.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket }));
        error.StatusCode.ShouldBe(403);
        error.ErrorMessage!.ShouldContain("expired");
    }
}
