using Cos.Generated;
using Cos.Generated.Signing;

namespace Cos.Emulator.Tests;

/// <summary>A clock shifted from the system clock.</summary>
public sealed class ShiftedTime(TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; set; } = offset;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + Offset;
}

public sealed class AuthTests
{
    private static async Task<CosEmulator> StartWithObjectAsync(CosEmulatorOptions? options = null)
    {
        var cos = await CosEmulator.StartAsync(options ?? new CosEmulatorOptions { Buckets = [new EmulatorBucket(Emulators.Bucket)] });
        using var client = Emulators.Client(cos);
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "secret.txt", Body = new MemoryStream("top secret"u8.ToArray()) });
        return cos;
    }

    [Fact]
    public async Task Wrong_secret_is_SignatureDoesNotMatch_with_the_StringToSign()
    {
        await using var cos = await StartWithObjectAsync();
        using var client = Emulators.Client(cos, secretKey: "wrong-key");
        var error = await Should.ThrowAsync<CosException>(() => client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "secret.txt" }));
        error.StatusCode.ShouldBe(403);

        var (status, body, _) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Get, "/secret.txt?response-content-type=text%2Fplain", secretKey: "wrong-key"));
        status.ShouldBe(403);
        body.ShouldContain("<Code>SignatureDoesNotMatch</Code>");
        body.ShouldContain("<StringToSign>sha1\n");
        body.ShouldContain("<FormatString>get\n/secret.txt\nresponse-content-type=text%2Fplain\nhost=examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com\n</FormatString>");

        using var unknown = Emulators.Client(cos, secretId: "AKIDUNKNOWN");
        (await Should.ThrowAsync<CosException>(() => unknown.HeadBucketAsync(new HeadBucketRequest { Bucket = Emulators.Bucket }))).StatusCode.ShouldBe(403);
        (status, body, _) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Get, "/secret.txt", secretId: "AKIDUNKNOWN"));
        body.ShouldContain("<Code>InvalidAccessKeyId</Code>");
    }

    [Fact]
    public async Task A_tampered_request_fails_even_with_the_right_key()
    {
        await using var cos = await StartWithObjectAsync();
        var request = RawRequests.Create(cos, HttpMethod.Get, "/secret.txt", headers: new Dictionary<string, string> { ["Range"] = "bytes=0-1" });
        request.Headers.Remove("Range");
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-5");
        var (status, body, _) = await RawRequests.SendAsync(cos, request);
        status.ShouldBe(403);
        body.ShouldContain("SignatureDoesNotMatch");
    }

    [Fact]
    public async Task Expired_signature_is_AccessDenied_Request_has_expired()
    {
        await using var cos = await StartWithObjectAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var (status, body, _) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Get, "/secret.txt", keyTime: new CosKeyTime(now - 120, now - 60)));
        status.ShouldBe(403);
        body.ShouldContain("<Code>AccessDenied</Code>");
        body.ShouldContain("Request has expired");
    }

    [Theory]
    [InlineData(300_000_000_000L, 300_000_000_100L)]
    [InlineData(1_700_000_000L, 300_000_000_000L)]
    public async Task A_key_time_after_year_9999_is_AccessDenied(long start, long end)
    {
        await using var cos = await StartWithObjectAsync();
        var (status, body, _) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Get, "/secret.txt", keyTime: new CosKeyTime(start, end)));
        status.ShouldBe(403);
        body.ShouldContain("<Code>AccessDenied</Code>");
        body.ShouldContain("year 9999");
    }

    [Fact]
    public async Task Skewed_client_gets_RequestTimeTooSkewed_and_recovers_with_CorrectClockSkew()
    {
        await using var cos = await StartWithObjectAsync();
        var behind = new ShiftedTime(TimeSpan.FromHours(-1));
        using (var strict = Emulators.Client(cos, time: behind, correctClockSkew: false))
        {
            var error = await Should.ThrowAsync<CosException>(() => strict.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket }));
            error.StatusCode.ShouldBe(403);
            error.ErrorCode.ShouldBe("RequestTimeTooSkewed");
        }

        using var lenient = Emulators.Client(cos, time: behind, correctClockSkew: true);
        // A HEAD error has no body to name the error, so the recovery is shown with a GET.
        var listed = await lenient.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket });
        listed.Contents.Count.ShouldBe(1);
        (await lenient.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "secret.txt" })).ContentLength.ShouldBe(10, "the learnt offset serves later requests");

        var ahead = new ShiftedTime(TimeSpan.FromHours(1));
        using var future = Emulators.Client(cos, time: ahead, correctClockSkew: false);
        (await Should.ThrowAsync<CosException>(() => future.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket }))).ErrorCode.ShouldBe("RequestTimeTooSkewed");
    }

    [Fact]
    public async Task Anonymous_requests_to_a_private_bucket_are_403()
    {
        await using var cos = await StartWithObjectAsync();
        var (status, body, _) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Get, "/secret.txt", sign: false));
        status.ShouldBe(403);
        body.ShouldContain("<Code>AccessDenied</Code>");
    }

    [Fact]
    public async Task Presigned_url_works_with_a_plain_HttpClient_and_tampering_fails()
    {
        await using var cos = await StartWithObjectAsync();
        using var client = Emulators.Client(cos);
        var url = client.GetObjectUrl(Emulators.Bucket, "secret.txt", TimeSpan.FromMinutes(5));
        using var http = Emulators.Raw(cos);
        (await http.GetStringAsync(url)).ShouldBe("top secret");

        var tampered = new Uri(url.ToString().Replace("/secret.txt", "/other.txt"));
        (await http.GetAsync(tampered)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        var badSignature = url.ToString();
        var at = badSignature.IndexOf("q-signature=", StringComparison.Ordinal) + "q-signature=".Length;
        badSignature = badSignature[..at] + (badSignature[at] == 'a' ? 'b' : 'a') + badSignature[(at + 1)..];
        var response = await http.GetAsync(new Uri(badSignature));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("SignatureDoesNotMatch");
    }

    [Fact]
    public async Task Presigned_url_expires_on_the_server_clock()
    {
        var clock = new ShiftedTime(TimeSpan.Zero);
        await using var cos = await StartWithObjectAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Emulators.Bucket)], TimeProvider = clock });
        using var client = Emulators.Client(cos);
        var url = client.GetObjectUrl(Emulators.Bucket, "secret.txt", TimeSpan.FromMinutes(1));
        using var http = Emulators.Raw(cos);
        (await http.GetAsync(url)).IsSuccessStatusCode.ShouldBeTrue();
        clock.Offset = TimeSpan.FromMinutes(30);
        var response = await http.GetAsync(url);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Request has expired");
    }

    [Fact]
    public async Task Temporary_keys_need_their_token_and_expire()
    {
        var valid = new TemporaryKey("AKIDTMPVALID", "tmp-secret", "token-valid", DateTimeOffset.UtcNow.AddHours(1));
        var expired = new TemporaryKey("AKIDTMPEXPIRED", "tmp-secret-2", "token-expired", DateTimeOffset.UtcNow.AddMinutes(-1));
        await using var cos = await StartWithObjectAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Emulators.Bucket)], TemporaryKeys = [valid, expired] });

        using (var ok = Emulators.Client(cos, valid.TmpSecretId, valid.TmpSecretKey, valid.SecurityToken))
        {
            (await ok.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "secret.txt" })).ContentLength.ShouldBe(10);
            var url = ok.GetObjectUrl(Emulators.Bucket, "secret.txt");
            using var http = Emulators.Raw(cos);
            (await http.GetStringAsync(url)).ShouldBe("top secret");
        }

        using (var wrongToken = Emulators.Client(cos, valid.TmpSecretId, valid.TmpSecretKey, "token-wrong", maxRetries: 0))
        {
            (await Should.ThrowAsync<CosException>(() => wrongToken.HeadBucketAsync(new HeadBucketRequest { Bucket = Emulators.Bucket }))).StatusCode.ShouldBe(403);
        }

        using (var noToken = Emulators.Client(cos, valid.TmpSecretId, valid.TmpSecretKey, maxRetries: 0))
        {
            (await Should.ThrowAsync<CosException>(() => noToken.HeadBucketAsync(new HeadBucketRequest { Bucket = Emulators.Bucket }))).StatusCode.ShouldBe(403);
        }

        using var late = Emulators.Client(cos, expired.TmpSecretId, expired.TmpSecretKey, expired.SecurityToken, maxRetries: 0);
        var error = await Should.ThrowAsync<CosException>(() => late.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket }));
        error.StatusCode.ShouldBe(403);
        error.ErrorMessage!.ShouldContain("expired");
    }

    [Fact]
    public async Task Additional_permanent_keys_are_accepted()
    {
        await using var cos = await StartWithObjectAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Emulators.Bucket)], AdditionalKeys = [new EmulatorKey("AKIDSECOND", "second-key")] });
        using var client = Emulators.Client(cos, "AKIDSECOND", "second-key");
        (await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "secret.txt" })).ContentLength.ShouldBe(10);
    }
}
