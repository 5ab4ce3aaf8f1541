using Cos.Generated.Credentials;
using Cos.Generated.Protocol;
using Cos.Generated.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Pipeline;

/// <summary>What goes on the wire: request line, Host, encoding, signature, token, User-Agent.</summary>
public class PipelineRequestTests
{
    [Fact]
    public async Task Get_request_is_virtual_hosted_encoded_and_verifiably_signed()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = TestClients.Create(server);
        var request = TestClients.Get("dir/a b+c.txt");
        request.AddQuery("response-content-type", "text/plain; charset=utf-8");
        request.AddQuery("versionId", null);
        request.AddHeader("Range", "bytes=0-9");
        request.AddHeader("x-cos-meta-note", "hello");

        (await client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None)).ShouldBe(200);

        var received = server.Requests.ShouldHaveSingleItem();
        received.RequestLine.ShouldBe("GET /dir/a%20b%2Bc.txt?response-content-type=text%2Fplain%3B%20charset%3Dutf-8&versionId HTTP/1.1");
        received.Header("Host").ShouldBe(TestClients.Host);
        received.Header("User-Agent").ShouldStartWith("cos-generated-dotnet/");
        received.Header("Content-Length").ShouldBeNull();
        received.Header("x-cos-sdk-retry").ShouldBeNull();

        var authorization = received.Header("Authorization").ShouldNotBeNull();
        var auth = SignatureVerifier.ParseAuthorization(authorization);
        auth["q-sign-algorithm"].ShouldBe("sha1");
        auth["q-ak"].ShouldBe(TestClients.SecretId);
        auth["q-header-list"].ShouldBe("host;range;x-cos-meta-note");
        auth["q-url-param-list"].ShouldBe("response-content-type;versionid");
        auth["q-header-list"].ShouldNotContain("user-agent");
        SignatureVerifier.Recompute(received, TestClients.SecretId, TestClients.SecretKey).ShouldBe(authorization);

        var start = long.Parse(auth["q-sign-time"].Split(';')[0]);
        Math.Abs(start - DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ShouldBeLessThan(30);
        (long.Parse(auth["q-sign-time"].Split(';')[1]) - start).ShouldBe(900);
    }

    [Fact]
    public async Task Put_with_body_sends_content_headers_and_signed_content_length()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = TestClients.Create(server);
        var request = TestClients.Request(HttpMethod.Put, "folder/file.txt", CosOperationSafety.Idempotent, "PutObject");
        request.Body = CosRequestBody.FromBytes("hello world"u8.ToArray());
        request.AddHeader("Content-Type", "text/plain");
        request.AddHeader("Content-MD5", "XrY7u+Ae7tCTyyK7j1rNww==");
        request.AddHeader("Content-Disposition", "attachment");
        request.AddHeader("x-cos-storage-class", "STANDARD_IA");

        await client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None);

        var received = server.Requests.ShouldHaveSingleItem();
        received.RequestLine.ShouldBe("PUT /folder/file.txt HTTP/1.1");
        received.Body.ShouldBe("hello world"u8.ToArray());
        received.Header("Content-Length").ShouldBe("11");
        received.Header("Content-Type").ShouldBe("text/plain");
        received.Header("Content-MD5").ShouldBe("XrY7u+Ae7tCTyyK7j1rNww==");
        var authorization = received.Header("Authorization")!;
        SignatureVerifier.ParseAuthorization(authorization)["q-header-list"]
            .ShouldBe("content-disposition;content-length;content-md5;content-type;host;x-cos-storage-class");
        SignatureVerifier.Recompute(received, TestClients.SecretId, TestClients.SecretKey).ShouldBe(authorization);
    }

    [Fact]
    public async Task Post_without_body_sends_and_signs_content_length_zero()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = TestClients.Create(server);
        var request = TestClients.Request(HttpMethod.Post, "big.bin", CosOperationSafety.Unsafe, "InitiateMultipartUpload");
        request.AddQuery("uploads", null);

        await client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None);

        var received = server.Requests.ShouldHaveSingleItem();
        received.RequestLine.ShouldBe("POST /big.bin?uploads HTTP/1.1");
        received.Header("Content-Length").ShouldBe("0");
        var auth = SignatureVerifier.ParseAuthorization(received.Header("Authorization")!);
        auth["q-header-list"].ShouldBe("content-length;host");
        auth["q-url-param-list"].ShouldBe("uploads");
        SignatureVerifier.Recompute(received, TestClients.SecretId, TestClients.SecretKey).ShouldBe(received.Header("Authorization"));
    }

    [Fact]
    public async Task Security_token_is_sent_after_signing_and_not_signed()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = TestClients.Create(server, securityToken: "tmp+token/with=chars");

        await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None);

        var received = server.Requests.ShouldHaveSingleItem();
        received.Header("x-cos-security-token").ShouldBe("tmp+token/with=chars");
        var authorization = received.Header("Authorization")!;
        SignatureVerifier.ParseAuthorization(authorization)["q-header-list"].ShouldBe("host");
        SignatureVerifier.Recompute(received, TestClients.SecretId, TestClients.SecretKey).ShouldBe(authorization);
    }

    [Fact]
    public async Task Bucket_level_request_signs_slash()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = TestClients.Create(server);
        var request = TestClients.Request(HttpMethod.Get, null, CosOperationSafety.ReadOnly, "GetBucket");
        request.AddQuery("prefix", "photos/");

        await client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None);

        var received = server.Requests.ShouldHaveSingleItem();
        received.RequestLine.ShouldBe("GET /?prefix=photos%2F HTTP/1.1");
        SignatureVerifier.Recompute(received, TestClients.SecretId, TestClients.SecretKey).ShouldBe(received.Header("Authorization"));
    }

    [Fact]
    public async Task Non_ascii_metadata_is_sent_as_utf8_and_signed()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = TestClients.Create(server);
        var request = TestClients.Request(HttpMethod.Put, "k", CosOperationSafety.Idempotent);
        request.AddHeader("x-cos-meta-city", "广州");

        await client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None);

        var received = server.Requests.ShouldHaveSingleItem();
        SignatureVerifier.ParseAuthorization(received.Header("Authorization")!)["q-header-list"].ShouldContain("x-cos-meta-city");
    }

    [Fact]
    public async Task Anonymous_client_sends_no_authorization()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = TestClients.Create(server, anonymous: true);

        await client.Pipeline.SendAsync(TestClients.Get("public.txt"), TestClients.Status, CancellationToken.None);

        server.Requests.ShouldHaveSingleItem().Header("Authorization").ShouldBeNull();
    }

    [Fact]
    public async Task Credentials_are_asked_for_on_every_try()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(500, "<Error><Code>InternalError</Code></Error>");
        var provider = new RotatingProvider();
        using var client = TestClients.Create(server, credentialProvider: provider);

        await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None);

        var requests = server.Requests;
        requests.Count.ShouldBe(2);
        SignatureVerifier.ParseAuthorization(requests[0].Header("Authorization")!)["q-ak"].ShouldBe("AKID1");
        SignatureVerifier.ParseAuthorization(requests[1].Header("Authorization")!)["q-ak"].ShouldBe("AKID2");
        SignatureVerifier.Recompute(requests[1], "AKID2", "KEY2").ShouldBe(requests[1].Header("Authorization"));
        requests[1].Header("x-cos-security-token").ShouldBe("TOKEN2");
    }

    [Fact]
    public async Task Temporary_credentials_with_a_window_sign_with_that_window()
    {
        await using var server = await ScriptedServer.StartAsync();
        var start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var provider = new StaticCredentialProvider(new CosCredentials("AKIDTMP", "TMPKEY", "tok", start, start.AddHours(2)));
        using var client = TestClients.Create(server, credentialProvider: provider);

        await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None);

        var auth = SignatureVerifier.ParseAuthorization(server.Requests.Single().Header("Authorization")!);
        auth["q-key-time"].ShouldBe("1700000000;1700007200");
    }

    [Fact]
    public async Task Tracker_emits_an_activity_per_operation()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(503, "<Error><Code>ServiceUnavailable</Code></Error>");
        var stopped = new List<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "Cos.Generated",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (stopped)
                {
                    stopped.Add(activity);
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        using var client = TestClients.Create(server, tracker: true);

        await client.Pipeline.SendAsync(TestClients.Get("k", operation: "TrackedGetObject"), TestClients.Status, CancellationToken.None);

        System.Diagnostics.Activity activity;
        lock (stopped)
        {
            activity = stopped.Single(a => a.OperationName == "TrackedGetObject");
        }

        activity.Kind.ShouldBe(System.Diagnostics.ActivityKind.Client);
        activity.GetTagItem("cos.attempts").ShouldBe("2");
        activity.GetTagItem("http.response.status_code").ShouldBe(200);
        activity.GetTagItem("cos.bucket").ShouldBe(TestClients.Bucket);
        activity.Status.ShouldBe(System.Diagnostics.ActivityStatusCode.Ok);
    }

    private sealed class RotatingProvider : ICosCredentialProvider
    {
        private int _calls;

        public ValueTask<CosCredentials> GetCredentialsAsync(CosCredentialScope scope, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _calls);
            return ValueTask.FromResult(new CosCredentials($"AKID{n}", $"KEY{n}", $"TOKEN{n}"));
        }
    }
}
