using Cos.Emulator;
using Cos.Emulator.Faults;
using Cos.Generated.Credentials;
using Cos.Generated.Pipeline.Policies;

namespace Cos.Generated.Tests.Credentials;

/// <summary>
/// A temporary key COS stops taking before the provider expected (it expired early, or clocks disagree): the request
/// tells the provider, which drops it, and is tried once more with a fresh key.
/// </summary>
public sealed class StaleKeyTests
{
    private const string Bucket = "examplebucket-1250000000";

    private static readonly TemporaryKey First = new("AKIDTMPFIRST000000000000000000000001", "first-secret", "first-token", DateTimeOffset.UtcNow.AddHours(2));
    private static readonly TemporaryKey Second = new("AKIDTMPSECOND00000000000000000000002", "second-secret", "second-token", DateTimeOffset.UtcNow.AddHours(2));

    [Fact]
    public async Task A_key_expired_early_is_dropped_and_the_request_succeeds_with_a_fresh_one()
    {
        await using var emulator = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Bucket)], TemporaryKeys = [First, Second] });
        var fetched = new List<string>();
        var provider = new TemporaryCredentialProvider((_, _) =>
        {
            var key = fetched.Count == 0 ? First : Second;
            fetched.Add(key.TmpSecretId);
            return ValueTask.FromResult(new CosCredentials(key.TmpSecretId, key.TmpSecretKey, key.SecurityToken, expiredTime: key.ExpiredTime));
        });
        using var client = new CosClient(emulator.CreateClientOptions() with { SecretId = null, SecretKey = null, CredentialProvider = provider, MaxRetries = 0 });
        var expire = emulator.Faults.Add(new FaultRule { Operation = "PutObject", ExpireCredentials = true, Times = 1 });

        await client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "k", Body = new MemoryStream([1, 2, 3]) });

        expire.Fired.ShouldBe(1);
        fetched.ShouldBe([First.TmpSecretId, Second.TmpSecretId]);
        await using var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "k" });
        fetched.Count.ShouldBe(2); // the fresh key is cached and reused
    }

    [Theory]
    [InlineData(400, "ExpiredToken", "The provided token has expired.", true)]
    [InlineData(403, "InvalidAccessKeyId", "The access key Id does not exist.", true)]
    [InlineData(403, "AccessDenied", "The temporary key 'AKID…' and its security token expired at 2026-12-02T00:00:00Z.", true)]
    [InlineData(403, "AccessDenied", "Request has expired: the signature was valid until …", false)]
    [InlineData(403, "AccessDenied", "Access Denied.", false)]
    [InlineData(403, "SignatureDoesNotMatch", "expired key", false)]
    public void Which_answers_mean_the_key_is_stale(int status, string code, string message, bool stale) =>
        StaleKeyPolicy.IsStaleKeyError(new CosException(status, code, message, null)).ShouldBe(stale);
}
