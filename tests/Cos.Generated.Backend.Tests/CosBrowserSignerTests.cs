using System.Text;
using System.Text.Json;
using Cos.Emulator;
using Cos.Generated.Backend.Browser;
using Cos.Generated.Backend.Contracts;
using Cos.Generated.Backend.Policy;
using Cos.Generated.Backend.Sts;
using Cos.Generated.Credentials;
using Cos.Generated.Signing;
using static Cos.Generated.Backend.Tests.Emulators;

namespace Cos.Generated.Backend.Tests;

/// <summary>
/// The browser-signing helper: what it refuses, and that what it signs is accepted by the emulator (which verifies
/// signatures as COS does) when sent as a browser would, with a plain HttpClient.
/// </summary>
public sealed class CosBrowserSignerTests
{
    private static CosBrowserSigner Signer(CosCredentials credentials, TimeProvider clock, IReadOnlyList<string>? buckets = null, IReadOnlyList<string>? methods = null, TimeSpan? expires = null, IReadOnlyList<string>? prefixes = null) =>
        new(new CosBrowserSignerOptions
        {
            Credentials = credentials,
            AllowedMethods = methods ?? ["PUT"],
            AllowedKeyPrefixes = prefixes ?? ["photos/"],
            AllowedBuckets = buckets ?? [Bucket],
            Region = Region,
            TimeProvider = clock,
            Expires = expires ?? TimeSpan.FromSeconds(900),
        });

    private static CosSignRequest Request(string method, string pathname, string? host = Host, Dictionary<string, string?>? query = null, Dictionary<string, string?>? headers = null)
    {
        var all = new Dictionary<string, string?>(headers ?? []);
        if (host is not null)
        {
            all["Host"] = host;
        }

        return new CosSignRequest { Method = method, Pathname = pathname, Query = query, Headers = all };
    }

    /// <summary>Sends what a browser would: the key URL-encoded in the path, the signature in Authorization.</summary>
    private static async Task<(int Status, string Body)> SendAsync(CosEmulator cos, string method, string key, CosSignResponse signature, string host = Host, string query = "", byte[]? body = null, string? contentType = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"http://{host}/{CosUrlEncoding.EncodePath(key)}{query}");
        request.Content = new ByteArrayContent(body ?? []);
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        if (signature.SecurityToken is not null)
        {
            request.Headers.TryAddWithoutValidation("x-cos-security-token", signature.SecurityToken);
        }

        using var http = Raw(cos);
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_allowed_upload_is_signed_and_the_emulator_accepts_it_but_not_for_another_key()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        var signer = Signer(new CosCredentials(cos.SecretId, cos.SecretKey), clock);

        var signature = signer.Sign(Request("put", "/photos/a b+c.jpg", headers: new() { ["Content-Type"] = "image/jpeg" }));

        signature.SecurityToken.ShouldBeNull();
        signature.Authorization.ShouldContain("q-header-list=content-type;host");
        (await SendAsync(cos, "PUT", "photos/a b+c.jpg", signature, body: "jpeg"u8.ToArray(), contentType: "image/jpeg")).Status.ShouldBe(200);
        using var admin = Admin(cos, clock);
        await using (var stored = await admin.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "photos/a b+c.jpg" }))
        {
            stored.ContentType.ShouldBe("image/jpeg");
        }

        var (status, body) = await SendAsync(cos, "PUT", "photos/other.jpg", signature, body: "jpeg"u8.ToArray(), contentType: "image/jpeg");
        status.ShouldBe(403);
        body.ShouldContain("SignatureDoesNotMatch");
    }

    [Fact]
    public async Task Signing_with_STS_keys_returns_their_token_ends_with_them_and_their_policy_still_applies()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        using var http = Raw(cos);
        using var sts = StsClient(cos, http, clock);
        var temporary = await sts.GetFederationTokenAsync(new CosFederationTokenRequest
        {
            Policy = CosPolicy.AllowKeyPrefix(Region, Bucket, "photos/", CosActions.PutObject),
            Duration = TimeSpan.FromSeconds(600),
        });
        var signer = Signer(temporary.ToCosCredentials(), clock, expires: TimeSpan.FromHours(1), prefixes: ["photos/", "docs/"]);

        var signature = signer.Sign(Request("PUT", "/photos/t.jpg"));
        signature.SecurityToken.ShouldBe(temporary.SessionToken);
        var keyTime = CosAuthorizationField(signature.Authorization, "q-key-time");
        keyTime.ShouldBe($"{Start.ToUnixTimeSeconds() - 1};{Start.AddSeconds(600).ToUnixTimeSeconds()}", "a signature never outlives its temporary key");
        (await SendAsync(cos, "PUT", "photos/t.jpg", signature, body: "x"u8.ToArray())).Status.ShouldBe(200);

        // The signer allows docs/, the temporary key's policy does not: COS has the last word.
        var (status, body) = await SendAsync(cos, "PUT", "docs/t.txt", signer.Sign(Request("PUT", "/docs/t.txt")), body: "x"u8.ToArray());
        status.ShouldBe(403);
        body.ShouldContain("<Code>AccessDenied</Code>");

        clock.Now = Start.AddSeconds(601);
        Should.Throw<InvalidOperationException>(() => signer.Sign(Request("PUT", "/photos/late.jpg"))).Message.ShouldNotContain(temporary.TmpSecretKey);
    }

    [Fact]
    public async Task A_part_upload_posted_as_JavaScript_JSON_with_a_numeric_partNumber_signs_correctly()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        using var admin = Admin(cos, clock);
        var upload = await admin.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Bucket, Key = "photos/big.bin" });
        var signer = Signer(new CosCredentials(cos.SecretId, cos.SecretKey), clock);
        var json = $$$"""{"method":"PUT","pathname":"/photos/big.bin","query":{"partNumber":1,"uploadId":"{{{upload.UploadId}}}"},"headers":{"Host":"{{{Host}}}","Content-Length":4}}""";

        var signature = signer.Sign(JsonSerializer.Deserialize(json, CosBackendJsonContext.Default.CosSignRequest)!);

        signature.Authorization.ShouldContain("q-url-param-list=partnumber;uploadid");
        var (status, _) = await SendAsync(cos, "PUT", "photos/big.bin", signature, query: $"?partNumber=1&uploadId={upload.UploadId}", body: "part"u8.ToArray());
        status.ShouldBe(200);
    }

    [Fact]
    public async Task Without_a_Host_the_single_allowed_bucket_is_signed_so_the_signature_works_nowhere_else()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        var signer = Signer(new CosCredentials(cos.SecretId, cos.SecretKey), clock);

        var signature = signer.Sign(Request("PUT", "/photos/h.jpg", host: null));

        signature.Authorization.ShouldContain("q-header-list=host");
        (await SendAsync(cos, "PUT", "photos/h.jpg", signature, body: "x"u8.ToArray())).Status.ShouldBe(200);
        (await SendAsync(cos, "PUT", "photos/h.jpg", signature, host: $"{OtherBucket}.cos.{Region}.myqcloud.com", body: "x"u8.ToArray())).Status.ShouldBe(403);

        var twoBuckets = Signer(new CosCredentials(cos.SecretId, cos.SecretKey), clock, buckets: [Bucket, OtherBucket]);
        Should.Throw<CosSignRefusedException>(() => twoBuckets.Sign(Request("PUT", "/photos/h.jpg", host: null))).Reason.ShouldBe(CosSignRefusal.HostRequired);
        twoBuckets.Sign(Request("PUT", "/photos/h.jpg", host: $"{OtherBucket}.cos.{Region}.myqcloud.com")).Authorization.ShouldContain("q-header-list=host");
    }

    [Fact]
    public async Task A_listing_is_signed_for_an_allowed_prefix_only_and_the_emulator_accepts_it()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        var signer = Signer(new CosCredentials(cos.SecretId, cos.SecretKey), clock, methods: ["GET", "HEAD"]);
        using var admin = Admin(cos, clock);
        await admin.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "photos/listed.jpg", Body = new MemoryStream("x"u8.ToArray()) });

        var signature = signer.Sign(Request("GET", "/", query: new() { ["prefix"] = "photos/", ["max-keys"] = "10" }));
        var (status, body) = await SendAsync(cos, "GET", string.Empty, signature, query: "?prefix=photos%2F&max-keys=10");
        status.ShouldBe(200);
        body.ShouldContain("<Key>photos/listed.jpg</Key>");

        Should.Throw<CosSignRefusedException>(() => signer.Sign(Request("GET", "/", query: new() { ["prefix"] = "docs/" }))).Reason.ShouldBe(CosSignRefusal.KeyNotAllowed);
        Should.Throw<CosSignRefusedException>(() => signer.Sign(Request("GET", "/", query: new() { ["prefix"] = string.Empty }))).Reason.ShouldBe(CosSignRefusal.KeyNotAllowed);
        Should.Throw<CosSignRefusedException>(() => signer.Sign(Request("GET", "/"))).Reason.ShouldBe(CosSignRefusal.KeyNotAllowed);
        Should.Throw<CosSignRefusedException>(() => signer.Sign(Request("HEAD", "/", query: new() { ["prefix"] = "photos/" }))).Reason.ShouldBe(CosSignRefusal.KeyNotAllowed);
        Should.Throw<CosSignRefusedException>(() => signer.Sign(Request("GET", "/", query: new() { ["prefix"] = "photos/../docs/" }))).Reason.ShouldBe(CosSignRefusal.InvalidPath);
    }

    [Fact]
    public void Hosts_under_other_domains_are_refused_unless_listed_in_HostSuffixes()
    {
        const string localHost = Bucket + ".cos." + Region + ".localhost:8080";
        var credentials = new CosCredentials("AKIDSIGNER", "signer-secret");
        var clock = new ManualClock(Start);
        Should.Throw<CosSignRefusedException>(() => Signer(credentials, clock).Sign(Request("PUT", "/photos/a.jpg", localHost))).Reason.ShouldBe(CosSignRefusal.BucketNotAllowed);

        var local = new CosBrowserSigner(new CosBrowserSignerOptions
        {
            Credentials = credentials,
            AllowedMethods = ["PUT"],
            AllowedKeyPrefixes = ["photos/"],
            AllowedBuckets = [Bucket],
            Region = Region,
            HostSuffixes = ["localhost"],
            TimeProvider = clock,
        });

        local.Sign(Request("PUT", "/photos/a.jpg", localHost)).Authorization.ShouldContain("q-header-list=host");
        Should.Throw<CosSignRefusedException>(() => local.Sign(Request("PUT", "/photos/a.jpg", Host))).Reason.ShouldBe(CosSignRefusal.BucketNotAllowed);
        Should.Throw<CosSignRefusedException>(() => local.Sign(Request("PUT", "/photos/a.jpg", $"{OtherBucket}.cos.{Region}.localhost"))).Reason.ShouldBe(CosSignRefusal.BucketNotAllowed);
        Should.Throw<CosSignRefusedException>(() => local.Sign(Request("PUT", "/photos/a.jpg", $"{Bucket}.cos.{Region}.evil-localhost"))).Reason.ShouldBe(CosSignRefusal.BucketNotAllowed);
    }

    public static TheoryData<string, string, string?, string?, string?, CosSignRefusal> Refused => new()
    {
        { "GET", "/photos/a.jpg", Host, null, null, CosSignRefusal.MethodNotAllowed },
        { "", "/photos/a.jpg", Host, null, null, CosSignRefusal.MethodNotAllowed },
        { "PUT", "/docs/a.txt", Host, null, null, CosSignRefusal.KeyNotAllowed },
        { "PUT", "/photo", Host, null, null, CosSignRefusal.KeyNotAllowed },
        { "PUT", "/", Host, null, null, CosSignRefusal.KeyNotAllowed },
        { "PUT", "/%70hotos/a.jpg", Host, null, null, CosSignRefusal.KeyNotAllowed },
        { "PUT", "/photos/../docs/a.txt", Host, null, null, CosSignRefusal.InvalidPath },
        { "PUT", "/photos/%2e%2e/docs/a.txt", Host, null, null, CosSignRefusal.InvalidPath },
        { "PUT", "/photos%2F..%2Fdocs%2Fa.txt", Host, null, null, CosSignRefusal.InvalidPath },
        { "PUT", "/photos/..\\docs", Host, null, null, CosSignRefusal.InvalidPath },
        { "PUT", "/photos/./a.jpg", Host, null, null, CosSignRefusal.InvalidPath },
        { "PUT", "/photos/a\n.jpg", Host, null, null, CosSignRefusal.InvalidPath },
        { "PUT", "/photos/a.jpg", $"{OtherBucket}.cos.{Region}.myqcloud.com", null, null, CosSignRefusal.BucketNotAllowed },
        { "PUT", "/photos/a.jpg", $"{Bucket}.cos.ap-beijing.myqcloud.com", null, null, CosSignRefusal.BucketNotAllowed },
        { "PUT", "/photos/a.jpg", "evil.example.com", null, null, CosSignRefusal.BucketNotAllowed },
        { "PUT", "/photos/a.jpg", Host, "acl", null, CosSignRefusal.QueryNotAllowed },
        { "PUT", "/photos/a.jpg", Host, "tagging", null, CosSignRefusal.QueryNotAllowed },
        { "PUT", "/photos/a.jpg", Host, null, "x-cos-acl", CosSignRefusal.HeaderNotAllowed },
        { "PUT", "/photos/a.jpg", Host, null, "X-Cos-Grant-Read", CosSignRefusal.HeaderNotAllowed },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Requests_outside_the_allow_lists_are_refused(string method, string pathname, string? host, string? queryName, string? headerName, CosSignRefusal reason)
    {
        var signer = Signer(new CosCredentials("AKIDSIGNER", "signer-secret"), new ManualClock(Start));
        var request = Request(
            method,
            pathname,
            host,
            queryName is null ? null : new() { [queryName] = string.Empty },
            headerName is null ? null : new() { [headerName] = "public-read" });

        var refusal = Should.Throw<CosSignRefusedException>(() => signer.Sign(request));

        refusal.Reason.ShouldBe(reason);
        refusal.Message.ShouldNotContain("signer-secret");
    }

    [Fact]
    public void The_same_requests_are_signed_once_allowed()
    {
        var credentials = new CosCredentials("AKIDSIGNER", "signer-secret");
        var open = new CosBrowserSigner(new CosBrowserSignerOptions
        {
            Credentials = credentials,
            AllowedMethods = ["GET", "PUT"],
            AllowedKeyPrefixes = [string.Empty],
            AllowedQueryParameters = ["acl"],
            AllowAclHeaders = true,
            TimeProvider = new ManualClock(Start),
        });

        open.Sign(Request("GET", "/", $"{OtherBucket}.cos.ap-beijing.myqcloud.com")).Authorization.ShouldStartWith("q-sign-algorithm=sha1&q-ak=AKIDSIGNER&");
        open.Sign(Request("PUT", "/docs/a.txt", query: new() { ["acl"] = null }, headers: new() { ["x-cos-acl"] = "private" }))
            .Authorization.ShouldContain("q-url-param-list=acl");
    }

    [Fact]
    public void Options_are_validated_and_never_print_the_secret()
    {
        var credentials = new CosCredentials("AKIDSIGNER", "signer-secret");
        Should.Throw<ArgumentException>(() => new CosBrowserSigner(new CosBrowserSignerOptions { Credentials = credentials, AllowedMethods = [], AllowedKeyPrefixes = ["a/"] }));
        Should.Throw<ArgumentException>(() => new CosBrowserSigner(new CosBrowserSignerOptions { Credentials = credentials, AllowedMethods = ["PUT"], AllowedKeyPrefixes = [] }));
        Should.Throw<ArgumentException>(() => new CosBrowserSigner(new CosBrowserSignerOptions { Credentials = credentials, AllowedMethods = ["PUT"], AllowedKeyPrefixes = ["/a/"] }));
        Should.Throw<ArgumentException>(() => new CosBrowserSigner(new CosBrowserSignerOptions { Credentials = credentials, AllowedMethods = ["PUT"], AllowedKeyPrefixes = ["a/"], HostSuffixes = [] }));
        Should.Throw<ArgumentException>(() => new CosBrowserSigner(new CosBrowserSignerOptions { Credentials = credentials, AllowedMethods = ["PUT"], AllowedKeyPrefixes = ["a/"], HostSuffixes = [".localhost"] }));
        new CosBrowserSignerOptions { Credentials = credentials, AllowedMethods = ["PUT"], AllowedKeyPrefixes = ["a/"] }.ToString().ShouldNotContain("signer-secret");
    }

    private static string CosAuthorizationField(string authorization, string name) =>
        authorization.Split('&').Select(part => part.Split('=', 2)).Single(pair => pair[0] == name)[1];
}
