using Cos.Emulator;
using Cos.Generated.Backend.Policy;
using Cos.Generated.Backend.Sts;
using Cos.Generated.Transfer;
using static Cos.Generated.Backend.Tests.Emulators;

namespace Cos.Generated.Backend.Tests;

/// <summary>
/// CosStsClient against the emulator's STS, then COS requests with the temporary keys it issued: the policy decides
/// what they may do. Emulator and clients share one hand-moved clock.
/// </summary>
public sealed class StsEndToEndTests
{
    private static readonly CosPolicy PhotosPut = CosPolicy.AllowKeyPrefix(Region, Bucket, "photos/", CosActions.PutObject);

    private static async Task<CosTemporaryCredentials> IssueAsync(CosEmulator cos, ManualClock clock, CosPolicy policy, int seconds = 1800)
    {
        using var http = Raw(cos);
        using var sts = StsClient(cos, http, clock);
        return await sts.GetFederationTokenAsync(new CosFederationTokenRequest { Policy = policy, Duration = TimeSpan.FromSeconds(seconds) });
    }

    private static Task<PutObjectResponse> PutAsync(CosClient client, string bucket, string key, string text = "hello") =>
        client.PutObjectAsync(new PutObjectRequest { Bucket = bucket, Key = key, Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)) });

    private static async Task ShouldBeAccessDeniedAsync(Func<Task> request)
    {
        var error = await Should.ThrowAsync<CosException>(request);
        error.StatusCode.ShouldBe(403);
        error.ErrorCode.ShouldBe("AccessDenied");
    }

    [Fact]
    public async Task A_key_for_PutObject_on_photos_puts_there_and_is_denied_a_GET_another_bucket_and_another_prefix()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        using var http = Recording(cos, out var recorder);
        using var sts = StsClient(cos, http, clock);
        var credentials = await sts.GetFederationTokenAsync(new CosFederationTokenRequest { Policy = PhotosPut, Duration = TimeSpan.FromSeconds(1800) });

        credentials.TmpSecretId.ShouldStartWith("AKID");
        credentials.TmpSecretId.ShouldNotBe(cos.SecretId);
        credentials.StartTime.ShouldBe(Start);
        credentials.ExpiredTime.ShouldBe(Start.AddSeconds(1800));
        Guid.TryParse(recorder.LastRequestId, out _).ShouldBeTrue("the emulator's STS answers with a GUID request id");
        credentials.RequestId.ShouldBe(recorder.LastRequestId); // as the raw answer has it

        using var client = Client(cos, credentials, clock);
        await PutAsync(client, Bucket, "photos/a.jpg", "a photo");
        using var admin = Admin(cos, clock);
        await using (var stored = await admin.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "photos/a.jpg" }))
        {
            new StreamReader(stored.Body).ReadToEnd().ShouldBe("a photo");
        }

        await ShouldBeAccessDeniedAsync(() => client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "photos/a.jpg" }));
        await ShouldBeAccessDeniedAsync(() => PutAsync(client, OtherBucket, "photos/a.jpg"));
        await ShouldBeAccessDeniedAsync(() => PutAsync(client, Bucket, "docs/a.txt"));
        await ShouldBeAccessDeniedAsync(() => PutAsync(client, Bucket, "photosx/a.jpg"));
        (await admin.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "photos/a.jpg" })).ContentLength.ShouldBe(7, "the denied requests changed nothing");
    }

    [Fact]
    public async Task A_temporary_key_is_refused_once_the_emulator_clock_passes_its_expiry()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        var credentials = await IssueAsync(cos, clock, PhotosPut, seconds: 60);
        credentials.ExpiredTime.ShouldBe(Start.AddSeconds(60));
        using var client = Client(cos, credentials, clock);

        clock.Now = Start.AddSeconds(59);
        await PutAsync(client, Bucket, "photos/before.jpg");

        clock.Now = Start.AddSeconds(61);
        var error = await Should.ThrowAsync<CosException>(() => PutAsync(client, Bucket, "photos/after.jpg"));
        error.StatusCode.ShouldBe(403);
        error.ErrorCode.ShouldBe("AccessDenied");
        error.ErrorMessage.ShouldBe($"The temporary key '{credentials.TmpSecretId}' and its security token expired at 2025-03-01T08:01:00.0000000+00:00.");
    }

    [Fact]
    public async Task The_upload_actions_allow_a_multipart_upload_under_the_prefix_only()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        var credentials = await IssueAsync(cos, clock, CosPolicy.AllowKeyPrefix(Region, Bucket, "uploads/", CosActions.Upload));
        using var client = Client(cos, credentials, clock);
        var content = new byte[(3 * 1024 * 1024) + 17];
        new Random(5).NextBytes(content);

        await client.UploadAsync(Bucket, "uploads/big.bin", new MemoryStream(content), new CosUploadOptions { PartSize = 1024 * 1024 });

        using var admin = Admin(cos, clock);
        (await admin.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "uploads/big.bin" })).ContentLength.ShouldBe(content.Length);
        await ShouldBeAccessDeniedAsync(() => client.UploadAsync(Bucket, "elsewhere/big.bin", new MemoryStream(content), new CosUploadOptions { PartSize = 1024 * 1024 }));
    }

    [Fact]
    public async Task A_deny_statement_wins_over_an_allow()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        var policy = CosPolicy.CreateBuilder()
            .AllowKeyPrefix(Region, Bucket, "photos/", CosActions.PutObject)
            .Deny([CosActions.PutObject], [CosPolicyResources.KeyPrefix(Region, Bucket, "photos/private/")])
            .Build();
        var credentials = await IssueAsync(cos, clock, policy);
        using var client = Client(cos, credentials, clock);

        await PutAsync(client, Bucket, "photos/public.jpg");
        await ShouldBeAccessDeniedAsync(() => PutAsync(client, Bucket, "photos/private/secret.jpg"));
    }

    [Fact]
    public async Task A_listing_is_allowed_on_the_granted_prefix_and_denied_on_the_whole_bucket()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        var credentials = await IssueAsync(cos, clock, CosPolicy.AllowKeyPrefix(Region, Bucket, "photos/", CosActions.GetBucket));
        using var client = Client(cos, credentials, clock);

        (await client.GetBucketAsync(new GetBucketRequest { Bucket = Bucket, Prefix = "photos/" })).Contents.Count.ShouldBe(0);
        await ShouldBeAccessDeniedAsync(() => client.GetBucketAsync(new GetBucketRequest { Bucket = Bucket }));
    }

    [Fact]
    public async Task Keys_configured_in_the_options_are_still_not_limited_by_any_policy()
    {
        var clock = new ManualClock(Start);
        var key = new TemporaryKey("AKIDSTATIC", "static-secret", "static-token", Start.AddHours(1));
        await using var cos = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Bucket, Region)], TemporaryKeys = [key], TimeProvider = clock });
        using var client = new CosClient(cos.CreateClientOptions(Region) with
        {
            SecretId = key.TmpSecretId, SecretKey = key.TmpSecretKey, SecurityToken = key.SecurityToken, TimeProvider = clock, MaxRetries = 0,
        });

        await PutAsync(client, Bucket, "docs/anything.txt");
        await using var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "docs/anything.txt" });
        new StreamReader(get.Body).ReadToEnd().ShouldBe("hello");
    }

    [Fact]
    public async Task A_wrong_secret_key_is_AuthFailure_SignatureFailure_and_no_secret_is_in_the_message()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        using var http = Recording(cos, out var recorder);
        using var sts = StsClient(cos, http, clock, secretKey: "wrong-secret-key-4711");

        var error = await Should.ThrowAsync<CosStsException>(() => sts.GetFederationTokenAsync(new CosFederationTokenRequest { Policy = PhotosPut }));

        error.Code.ShouldBe("AuthFailure.SignatureFailure");
        Guid.TryParse(recorder.LastRequestId, out _).ShouldBeTrue("the emulator's STS answers with a GUID request id");
        error.RequestId.ShouldBe(recorder.LastRequestId); // as the raw answer has it
        error.StatusCode.ShouldBe(200, "API 3.0 answers errors with 200 and an Error object");
        error.Message.ShouldContain("AuthFailure.SignatureFailure");
        error.Message.ShouldContain(error.RequestId!);
        error.ToString().ShouldNotContain("wrong-secret-key-4711");
        error.ToString().ShouldNotContain(cos.SecretKey);
    }

    [Fact]
    public async Task An_unknown_SecretId_and_a_clock_more_than_five_minutes_off_are_refused_with_their_codes()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        using var http = Raw(cos);
        var request = new CosFederationTokenRequest { Policy = PhotosPut };

        using (var unknown = StsClient(cos, http, clock, secretId: "AKIDNOSUCHKEY"))
        {
            (await Should.ThrowAsync<CosStsException>(() => unknown.GetFederationTokenAsync(request))).Code.ShouldBe("AuthFailure.SecretIdNotFound");
        }

        using (var behind = StsClient(cos, http, new ManualClock(Start.AddMinutes(-6))))
        {
            (await Should.ThrowAsync<CosStsException>(() => behind.GetFederationTokenAsync(request))).Code.ShouldBe("AuthFailure.SignatureExpire");
        }

        using var onTime = StsClient(cos, http, new ManualClock(Start.AddMinutes(-4)));
        (await onTime.GetFederationTokenAsync(request)).TmpSecretId.ShouldStartWith("AKID");
    }

    [Fact]
    public async Task STS_is_reached_at_the_emulator_address_too_and_with_a_client_owned_HttpClient()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        using var sts = new CosStsClient(new CosStsClientOptions
        {
            SecretId = cos.SecretId, SecretKey = cos.SecretKey, Region = Region, Endpoint = cos.Endpoint, TimeProvider = clock,
        });

        var credentials = await sts.GetFederationTokenAsync(new CosFederationTokenRequest { Policy = PhotosPut, Name = "web-upload" });

        // This emulator's STS issued them: they expire on its clock, and its COS lets them do what the policy allows only.
        credentials.StartTime.ShouldBe(Start);
        credentials.ExpiredTime.ShouldBe(Start.AddSeconds(1800));
        using var client = Client(cos, credentials, clock);
        await PutAsync(client, Bucket, "photos/via-address.jpg", "via the address");
        await ShouldBeAccessDeniedAsync(() => PutAsync(client, Bucket, "docs/via-address.txt"));
        using var admin = Admin(cos, clock);
        await using var stored = await admin.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "photos/via-address.jpg" });
        new StreamReader(stored.Body).ReadToEnd().ShouldBe("via the address");
    }

    [Fact]
    public async Task Credentials_convert_for_CosClient_and_the_browser_and_never_print_secrets()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        var credentials = await IssueAsync(cos, clock, PhotosPut, seconds: 900);

        var forClient = credentials.ToCosCredentials();
        forClient.SecretId.ShouldBe(credentials.TmpSecretId);
        forClient.SecurityToken.ShouldBe(credentials.SessionToken);
        forClient.ExpiredTime.ShouldBe(Start.AddSeconds(900));

        var forBrowser = credentials.ToTemporaryKeyResponse();
        forBrowser.Credentials.TmpSecretKey.ShouldBe(credentials.TmpSecretKey);
        forBrowser.StartTime.ShouldBe(Start.ToUnixTimeSeconds());
        forBrowser.ExpiredTime.ShouldBe(Start.ToUnixTimeSeconds() + 900);

        credentials.ToString().ShouldContain(credentials.TmpSecretId);
        credentials.ToString().ShouldNotContain(credentials.TmpSecretKey);
        credentials.ToString().ShouldNotContain(credentials.SessionToken);
        var options = new CosStsClientOptions { SecretId = "AKIDx", SecretKey = "permanent-secret", Region = Region };
        options.ToString().ShouldNotContain("permanent-secret");
    }

    [Fact]
    public async Task Invalid_requests_throw_before_anything_is_sent()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        using var http = Raw(cos);
        using var sts = StsClient(cos, http, clock);

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => sts.GetFederationTokenAsync(new CosFederationTokenRequest { Policy = PhotosPut, Duration = TimeSpan.FromDays(2) }));
        Should.Throw<ArgumentException>(() => new CosStsClient(new CosStsClientOptions { SecretId = "AKIDx", SecretKey = "k", Region = " " }));
        Should.Throw<ArgumentException>(() => new CosStsClient(new CosStsClientOptions { SecretId = "AKIDx", SecretKey = "k", Region = Region, Endpoint = new Uri("ftp://sts.example/") }));
    }
}
