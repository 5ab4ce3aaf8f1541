using Cos.Generated;

namespace Cos.Emulator.Tests;

/// <summary>A restore that takes time (<see cref="CosEmulatorOptions.RestoreDelay"/>) on a clock the test moves.</summary>
public sealed class RestoreTests
{
    [Fact]
    public async Task A_delayed_restore_is_ongoing_until_ready_refuses_a_repeat_and_expires_after_its_days()
    {
        var clock = new ShiftedTime(TimeSpan.Zero);
        await using var cos = await Emulators.StartAsync(new CosEmulatorOptions
        {
            Buckets = [new EmulatorBucket(Emulators.Bucket)], TimeProvider = clock, RestoreDelay = TimeSpan.FromHours(5),
        });
        using var client = Emulators.Client(cos, time: clock);
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "cold.bin", Body = new MemoryStream([1, 2, 3]), StorageClass = StorageClass.Archive });
        var restore = new PostObjectRestoreRequest { Bucket = Emulators.Bucket, Key = "cold.bin", Days = 1, CASJobParameters = new CASJobParameters { Tier = RestoreTier.Bulk } };
        Task<string?> RestoreHeader() => client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "cold.bin" }).ContinueWith(t => t.Result.Restore);
        Task<CosException> Get() => Should.ThrowAsync<CosException>(() => client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "cold.bin" }));

        (await client.PostObjectRestoreAsync(restore)).StatusCode.ShouldBe(202);
        (await RestoreHeader()).ShouldBe("ongoing-request=\"true\"");
        (await Get()).ErrorCode.ShouldBe("InvalidObjectState", "not readable while the restore runs");
        var repeat = await Should.ThrowAsync<CosException>(() => client.PostObjectRestoreAsync(restore));
        (repeat.StatusCode, repeat.ErrorCode).ShouldBe((409, "RestoreAlreadyInProgress"));

        clock.Offset = TimeSpan.FromHours(6);
        (await RestoreHeader()).ShouldNotBeNull().ShouldStartWith("ongoing-request=\"false\", expiry-date=\"");
        await using (var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "cold.bin" }))
        {
            (await Emulators.ReadAllAsync(get.Body)).ShouldBe([1, 2, 3]);
        }

        clock.Offset = TimeSpan.FromHours(5 + 24 + 1);
        (await RestoreHeader()).ShouldBeNull("the restored copy expired after its day");
        (await Get()).ErrorCode.ShouldBe("InvalidObjectState");
    }
}
