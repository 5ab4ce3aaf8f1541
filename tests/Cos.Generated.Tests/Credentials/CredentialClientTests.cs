using Cos.Emulator;
using Cos.Emulator.Faults;
using Cos.Generated.Credentials;
using Cos.Generated.Signing;
using Cos.Generated.Tests.Infrastructure;

namespace Cos.Generated.Tests.Credentials;

/// <summary>Credential providers at work in a client, against the emulator (which verifies every signature).</summary>
public class CredentialClientTests
{
    private const string Bucket = "examplebucket-1250000000";
    private const string TmpSecretId = "AKIDTEMPORARY00000000000000000000000";
    private const string TmpSecretKey = "temporary-secret-key";
    private const string TmpToken = "temporary-session-token";

    private static async Task<CosEmulator> StartEmulatorAsync(params EmulatorKey[] moreKeys) =>
        await CosEmulator.StartAsync(new CosEmulatorOptions
        {
            Buckets = [new EmulatorBucket(Bucket)],
            AdditionalKeys = moreKeys,
            TemporaryKeys = [new TemporaryKey(TmpSecretId, TmpSecretKey, TmpToken, DateTimeOffset.UtcNow.AddHours(2))],
        });

    private static CosClientOptions Options(CosEmulator emulator) => emulator.CreateClientOptions() with
    {
        SecretId = null,
        SecretKey = null,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>The emulator's temporary key, valid from one minute ago (server time) for an hour.</summary>
    private static CosCredentials TemporaryKey() =>
        new(TmpSecretId, TmpSecretKey, TmpToken, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(1));

    private static Task<PutObjectResponse> PutAsync(CosClient client, string key, string text = "hello") =>
        client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = key, Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)) });

    [Fact]
    public async Task One_hundred_concurrent_requests_share_one_temporary_key_fetch()
    {
        await using var emulator = await StartEmulatorAsync();
        var allAsking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetches = 0;
        var cache = new TemporaryCredentialProvider(async (_, _) =>
        {
            Interlocked.Increment(ref fetches);
            await allAsking.Task; // held until all 100 requests wait for this key
            return TemporaryKey();
        });
        var counting = new CountingProvider(cache, 100, allAsking);
        using var client = new CosClient(Options(emulator) with { CredentialProvider = counting });

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => PutAsync(client, $"concurrent/{i}")));

        fetches.ShouldBe(1);
        counting.Calls.ShouldBe(100);
    }

    [Fact]
    public async Task The_pipeline_passes_each_request_s_scope_and_ScopeLimit_keys_are_fetched_per_scope()
    {
        await using var emulator = await StartEmulatorAsync();
        var scopes = new List<CosCredentialScope>();
        var provider = new TemporaryCredentialProvider((scope, _) =>
        {
            scopes.Add(scope);
            return ValueTask.FromResult(TemporaryKey());
        }, scopeLimit: true);
        using var client = new CosClient(Options(emulator) with { CredentialProvider = provider });

        await PutAsync(client, "dir/a.txt");
        await PutAsync(client, "dir/a.txt", "again");
        await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "dir/a.txt" });
        await PutAsync(client, "dir/b.txt");

        scopes.ShouldBe(
        [
            new CosCredentialScope("name/cos:PutObject", Bucket, "ap-guangzhou", "dir/a.txt"),
            new CosCredentialScope("name/cos:HeadObject", Bucket, "ap-guangzhou", "dir/a.txt"),
            new CosCredentialScope("name/cos:PutObject", Bucket, "ap-guangzhou", "dir/b.txt"),
        ]);
    }

    [Fact]
    public async Task The_server_s_StartTime_starts_the_signature_so_a_wrong_local_clock_does_not_fail()
    {
        await using var emulator = await StartEmulatorAsync();
        var fastClock = new ManualClock(DateTimeOffset.UtcNow.AddHours(2));
        var options = Options(emulator) with { TimeProvider = fastClock, CorrectClockSkew = false };
        using var withStartTime = new CosClient(options with { CredentialProvider = new TemporaryCredentialProvider((_, _) => ValueTask.FromResult(TemporaryKey()), timeProvider: fastClock) });
        using var withoutStartTime = new CosClient(options with { CredentialProvider = new StaticCredentialProvider(TmpSecretId, TmpSecretKey, TmpToken) });

        await PutAsync(withStartTime, "skewed.txt");
        var error = await Should.ThrowAsync<CosException>(PutAsync(withoutStartTime, "skewed.txt"));

        error.ErrorCode.ShouldBe("RequestTimeTooSkewed");
    }

    [Fact]
    public async Task The_signature_s_key_time_is_StartTime_to_ExpiredTime()
    {
        await using var server = await ScriptedServer.StartAsync();
        var start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var provider = new TemporaryCredentialProvider(
            (_, _) => ValueTask.FromResult(new CosCredentials(TmpSecretId, TmpSecretKey, TmpToken, start, start.AddHours(1))),
            timeProvider: new ManualClock(start.AddMinutes(5)));
        using var client = TestClients.Create(server, credentialProvider: provider);

        await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None);

        var request = server.Requests.Single();
        SignatureVerifier.ParseAuthorization(request.Header("Authorization")!)["q-sign-time"].ShouldBe("1700000000;1700003600");
        request.Header("x-cos-security-token").ShouldBe(TmpToken);
        SignatureVerifier.Recompute(request, TmpSecretId, TmpSecretKey).ShouldBe(request.Header("Authorization"));
    }

    [Fact]
    public async Task A_failed_refresh_fails_the_request_with_CosCredentialsException_and_the_next_request_recovers()
    {
        await using var emulator = await StartEmulatorAsync();
        var all = emulator.Faults.Add(new FaultRule());
        var fetches = 0;
        var provider = new TemporaryCredentialProvider((_, _) =>
            Interlocked.Increment(ref fetches) == 1 ? throw new HttpRequestException("STS backend unavailable") : ValueTask.FromResult(TemporaryKey()));
        using var client = new CosClient(Options(emulator) with { CredentialProvider = provider });

        var error = await Should.ThrowAsync<CosCredentialsException>(PutAsync(client, "a.txt"));
        error.InnerException.ShouldBeOfType<HttpRequestException>();
        all.Fired.ShouldBe(0); // nothing was sent unsigned

        await PutAsync(client, "a.txt");
        fetches.ShouldBe(2);
        all.Fired.ShouldBe(1);
    }

    [Fact]
    public async Task A_custom_provider_that_throws_or_returns_null_fails_with_CosCredentialsException()
    {
        await using var emulator = await StartEmulatorAsync();
        using var throwing = new CosClient(Options(emulator) with { CredentialProvider = new DelegateProvider(_ => throw new InvalidOperationException("vault sealed")) });
        using var returningNull = new CosClient(Options(emulator) with { CredentialProvider = new DelegateProvider(_ => null!) });

        var thrown = await Should.ThrowAsync<CosCredentialsException>(PutAsync(throwing, "a.txt"));
        var nothing = await Should.ThrowAsync<CosCredentialsException>(PutAsync(returningNull, "a.txt"));

        thrown.InnerException.ShouldBeOfType<InvalidOperationException>();
        thrown.Message.ShouldContain("PutObject");
        nothing.Message.ShouldContain("returned nothing");
    }

    [Fact]
    public async Task Keys_rotate_without_recreating_the_client()
    {
        var second = new EmulatorKey("AKIDSECONDKEY000000000000000000000000", "second-secret-key");
        await using var emulator = await StartEmulatorAsync(second);
        var provider = new RotatingCredentialProvider(new CosCredentials(emulator.SecretId, emulator.SecretKey));
        using var client = new CosClient(Options(emulator) with { CredentialProvider = provider });

        await PutAsync(client, "rotate.txt", "first");
        provider.Rotate(new CosCredentials(second.SecretId, "a-revoked-key"));
        var error = await Should.ThrowAsync<CosException>(PutAsync(client, "rotate.txt", "wrong"));
        provider.Rotate(new CosCredentials(second.SecretId, second.SecretKey));
        await PutAsync(client, "rotate.txt", "second");

        error.StatusCode.ShouldBe(403);
        error.ErrorCode.ShouldBe("SignatureDoesNotMatch");
        provider.Current.SecretId.ShouldBe(second.SecretId);
    }

    [Fact]
    public async Task Format_2_signs_every_request_of_a_multipart_upload_on_the_backend()
    {
        await using var harness = await Transfer.UploadHarness.StartAsync();
        await using var backend = await SignatureBackend.StartAsync(harness.Emulator.SecretId, harness.Emulator.SecretKey);
        using var signer = new HttpAuthorizationProvider(backend.Endpoint);
        var all = harness.Emulator.Faults.Add(new FaultRule());
        var options = harness.ClientOptions(checkMd5: true) with { SecretId = null, SecretKey = null, AuthorizationProvider = signer };
        using var client = new CosClient(options);
        var data = Transfer.UploadHarness.RandomBytes((3 * Transfer.UploadHarness.MiB) + 100, seed: 5);

        var result = await client.UploadAsync(Bucket, "format2/big.bin", new MemoryStream(data));

        result.PartCount.ShouldBe(4);
        backend.Requests.Count.ShouldBe(all.Fired);
        var parts = backend.Requests.Where(r => r.Query.ContainsKey("partNumber")).ToList();
        parts.Count.ShouldBe(4);
        parts.ShouldAllBe(r => r.Method == "PUT" && r.Pathname == "/format2/big.bin" && r.Query.ContainsKey("uploadId"));
        parts.ShouldAllBe(r => r.Headers.ContainsKey("Content-MD5") && r.Headers.ContainsKey("Content-Length"));
        backend.Requests.ShouldAllBe(r => r.Headers["Host"] == $"{Bucket}.cos.ap-guangzhou.myqcloud.com");
        backend.Requests.SelectMany(r => r.Headers.Keys).ShouldAllBe(name => CosSigner.IsSignedHeader(name));
        backend.Requests.ShouldContain(r => r.Method == "POST" && r.Query.ContainsKey("uploads"));
        backend.Requests.ShouldContain(r => r.Method == "POST" && r.Query.ContainsKey("uploadId"));

        (await harness.DownloadAsync(client, "format2/big.bin")).ShouldBe(data);
        backend.Requests.Count.ShouldBe(all.Fired);
    }

    [Fact]
    public async Task Format_2_signs_a_retry_with_its_x_cos_sdk_retry_header()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var backend = await SignatureBackend.StartAsync(emulator.SecretId, emulator.SecretKey);
        using var signer = new HttpAuthorizationProvider(backend.Endpoint);
        using var client = new CosClient(Options(emulator) with { AuthorizationProvider = signer });
        await PutAsync(client, "retry.txt");
        var failOnce = emulator.Faults.Add(new FaultRule { Operation = "HeadObject", Status = 500, Times = 1 });

        await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "retry.txt" });

        failOnce.Fired.ShouldBe(1);
        var heads = backend.Requests.Where(r => r.Method == "HEAD").ToList();
        heads.Count.ShouldBe(2);
        heads[0].Headers.ShouldNotContainKey("x-cos-sdk-retry");
        heads[1].Headers["x-cos-sdk-retry"].ShouldBe("true");
    }

    [Fact]
    public async Task Format_2_carries_the_backend_s_security_token()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var backend = await SignatureBackend.StartAsync(TmpSecretId, TmpSecretKey, TmpToken);
        await using var noToken = await SignatureBackend.StartAsync(TmpSecretId, TmpSecretKey);
        using var signer = new HttpAuthorizationProvider(backend.Endpoint);
        using var tokenless = new HttpAuthorizationProvider(noToken.Endpoint);
        using var client = new CosClient(Options(emulator) with { AuthorizationProvider = signer });
        using var clientWithoutToken = new CosClient(Options(emulator) with { AuthorizationProvider = tokenless });

        await PutAsync(client, "token.txt");
        var error = await Should.ThrowAsync<CosException>(PutAsync(clientWithoutToken, "token.txt"));

        error.StatusCode.ShouldBe(403);
    }

    [Fact]
    public async Task A_presigned_URL_can_be_signed_by_the_format_2_backend()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var backend = await SignatureBackend.StartAsync(emulator.SecretId, emulator.SecretKey);
        using var signer = new HttpAuthorizationProvider(backend.Endpoint);
        using var client = new CosClient(Options(emulator) with { AuthorizationProvider = signer });
        await PutAsync(client, "shared.txt", "presigned body");

        var url = await client.GetObjectUrlAsync(Bucket, "shared.txt");
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync("127.0.0.1", emulator.Port, token);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        });

        (await http.GetStringAsync(url)).ShouldBe("presigned body");
        backend.Requests[^1].Headers.Keys.ShouldBe(["Host"]);
        Should.Throw<InvalidOperationException>(() => client.GetObjectUrl(Bucket, "shared.txt"));
    }

    [Fact]
    public void An_AuthorizationProvider_cannot_be_combined_with_keys_or_a_credential_provider()
    {
        using var signer = new HttpAuthorizationProvider(new Uri("http://127.0.0.1:9/sign"));
        var basis = new CosClientOptions { Region = "ap-guangzhou", AuthorizationProvider = signer };

        Should.Throw<ArgumentException>(() => new CosClient(basis with { SecretId = "AKID", SecretKey = "key" })).ParamName.ShouldBe("AuthorizationProvider");
        Should.Throw<ArgumentException>(() => new CosClient(basis with { CredentialProvider = new StaticCredentialProvider("AKID", "key") })).ParamName.ShouldBe("AuthorizationProvider");
        basis.ToString().ShouldContain("AuthorizationProvider = HttpAuthorizationProvider");
    }

    /// <summary>Counts calls and completes <paramref name="reached"/> when the <paramref name="target"/>-th call arrives.</summary>
    private sealed class CountingProvider(ICosCredentialProvider inner, int target, TaskCompletionSource reached) : ICosCredentialProvider
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public ValueTask<CosCredentials> GetCredentialsAsync(CosCredentialScope scope, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == target)
            {
                reached.TrySetResult();
            }

            return inner.GetCredentialsAsync(scope, cancellationToken);
        }
    }

    private sealed class DelegateProvider(Func<CosCredentialScope, CosCredentials> get) : ICosCredentialProvider
    {
        public ValueTask<CosCredentials> GetCredentialsAsync(CosCredentialScope scope, CancellationToken cancellationToken) => ValueTask.FromResult(get(scope));
    }
}
