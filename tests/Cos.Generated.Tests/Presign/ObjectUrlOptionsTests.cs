using System.Net;
using Cos.Emulator;
using Cos.Generated.Credentials;
using Cos.Generated.Pipeline;
using Cos.Generated.Signing;
using Cos.Generated.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Presign;

/// <summary><see cref="CosObjectUrlOptions"/>: the JavaScript SDK's getObjectUrl options, by URL shape and against the emulator.</summary>
public class ObjectUrlOptionsTests
{
    private const string Bucket = "examplebucket-1250000000";
    private const string Host = "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private static CosClient Client(ICosCredentialProvider? provider = null) =>
        new(new CosClientOptions
        {
            SecretId = provider is null ? "AKIDEXAMPLE" : null,
            SecretKey = provider is null ? "SECRETEXAMPLE" : null,
            CredentialProvider = provider,
            Region = "ap-guangzhou",
            TimeProvider = new FixedTimeProvider(Now),
        });

    private static Dictionary<string, string> QueryOf(Uri url)
    {
        var text = url.OriginalString;
        var q = text.IndexOf('?');
        return q < 0
            ? []
            : text[(q + 1)..].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty);
    }

    private static void ShouldVerify(Uri url, string method, string host, string pathname, KeyValuePair<string, string?>[] query, KeyValuePair<string, string?>[]? headers = null)
    {
        var values = QueryOf(url);
        KeyValuePair<string, string?>[] signedHeaders = [new("Host", host), .. headers ?? []];
        var expected = CosSigner.GetAuthorization("AKIDEXAMPLE", "SECRETEXAMPLE", method, pathname, query, signedHeaders, CosKeyTime.Parse(values["q-key-time"]));
        SignatureVerifier.ParseAuthorization(expected)["q-signature"].ShouldBe(values["q-signature"]);
    }

    [Fact]
    public void Sign_false_gives_an_unsigned_url_from_a_client_with_keys()
    {
        using var client = Client();

        var url = client.GetObjectUrl(Bucket, "a b.txt", new CosObjectUrlOptions { Sign = false, Query = [new("response-content-type", "text/plain")] });

        url.OriginalString.ShouldBe($"https://{Host}/a%20b.txt?response-content-type=text%2Fplain");
        client.GetObjectUrl(Bucket, "a b.txt", new CosObjectUrlOptions()).OriginalString.ShouldContain("q-signature=");
    }

    [Fact]
    public async Task The_async_overload_honours_Sign_false_without_asking_the_provider()
    {
        var provider = new CountingProvider();
        using var client = Client(provider);

        var url = await client.GetObjectUrlAsync(Bucket, "k", new CosObjectUrlOptions { Sign = false });

        url.OriginalString.ShouldBe($"https://{Host}/k");
        provider.Calls.ShouldBe(0);
        (await client.GetObjectUrlAsync(Bucket, "k", new CosObjectUrlOptions())).OriginalString.ShouldContain("q-ak=AKIDTMP");
        provider.Calls.ShouldBe(1);
    }

    [Fact]
    public void QueryString_is_appended_as_given_after_the_signed_query_and_is_not_signed()
    {
        using var client = Client();
        KeyValuePair<string, string?>[] query = [new("response-cache-control", "no-cache")];

        var url = client.GetObjectUrl(Bucket, "photo.jpg", new CosObjectUrlOptions { Query = query, QueryString = "imageMogr2/thumbnail/!50p" });

        url.OriginalString.ShouldEndWith("&response-cache-control=no-cache&imageMogr2/thumbnail/!50p");
        QueryOf(url)["q-url-param-list"].ShouldBe("response-cache-control");
        ShouldVerify(url, "GET", Host, "/photo.jpg", query);

        client.GetObjectUrl(Bucket, "photo.jpg", new CosObjectUrlOptions { Sign = false, QueryString = "?imageInfo" }).OriginalString
            .ShouldBe($"https://{Host}/photo.jpg?imageInfo");
        client.GetObjectUrl(Bucket, "photo.jpg", new CosObjectUrlOptions { Sign = false, Query = [new("a", "1")], QueryString = "&imageInfo" }).OriginalString
            .ShouldBe($"https://{Host}/photo.jpg?a=1&imageInfo");
    }

    [Fact]
    public void Headers_are_added_to_the_signature()
    {
        using var client = Client();
        KeyValuePair<string, string?>[] headers = [new("x-cos-traffic-limit", "819200"), new("Content-Type", "image/png"), new("X-Not-Signed", "1")];

        var url = client.GetObjectUrl(Bucket, "up.png", new CosObjectUrlOptions { Method = HttpMethod.Put, Headers = headers });

        QueryOf(url)["q-header-list"].ShouldBe("content-type;host;x-cos-traffic-limit");
        url.OriginalString.ShouldNotContain("819200");
        ShouldVerify(url, "PUT", Host, "/up.png", [], headers);
    }

    [Fact]
    public void Protocol_domain_accelerate_region_and_version_per_url()
    {
        using var client = Client();

        var http = client.GetObjectUrl(Bucket, "k", new CosObjectUrlOptions { Protocol = "http:" });
        http.OriginalString.ShouldStartWith($"http://{Host}/k?q-sign-algorithm=sha1&");
        ShouldVerify(http, "GET", Host, "/k", []);

        var custom = client.GetObjectUrl(Bucket, "k", new CosObjectUrlOptions { Domain = "cdn.example.com" });
        custom.OriginalString.ShouldStartWith("https://cdn.example.com/k?");
        ShouldVerify(custom, "GET", "cdn.example.com", "/k", []);

        var accelerated = client.GetObjectUrl(Bucket, "k", new CosObjectUrlOptions { UseAccelerate = true });
        accelerated.OriginalString.ShouldStartWith("https://examplebucket-1250000000.cos.accelerate.myqcloud.com/k?");
        ShouldVerify(accelerated, "GET", "examplebucket-1250000000.cos.accelerate.myqcloud.com", "/k", []);

        using var acceleratedClient = new CosClient(client.Options with { UseAccelerate = true });
        acceleratedClient.GetObjectUrl(Bucket, "k", new CosObjectUrlOptions { UseAccelerate = false, Sign = false }).OriginalString.ShouldBe($"https://{Host}/k");

        var version = client.GetObjectUrl(Bucket, "k", new CosObjectUrlOptions { Region = "ap-beijing", VersionId = "MTg0NDUx" });
        version.OriginalString.ShouldStartWith("https://examplebucket-1250000000.cos.ap-beijing.myqcloud.com/k?");
        version.OriginalString.ShouldEndWith("&versionId=MTg0NDUx");
        ShouldVerify(version, "GET", "examplebucket-1250000000.cos.ap-beijing.myqcloud.com", "/k", [new("versionId", "MTg0NDUx")]);
    }

    [Fact]
    public void Invalid_options_are_rejected_by_name()
    {
        using var client = Client();
        Should.Throw<ArgumentOutOfRangeException>(() => client.GetObjectUrl(Bucket, "k", new CosObjectUrlOptions { Expires = TimeSpan.Zero })).ParamName.ShouldBe("Expires");
        Should.Throw<ArgumentException>(() => client.GetObjectUrl(Bucket, "k", new CosObjectUrlOptions { Protocol = "ftp" })).ParamName.ShouldBe("Protocol");
        Should.Throw<ArgumentException>(() => client.GetObjectUrl(Bucket, "k", new CosObjectUrlOptions { QueryString = "a b" })).ParamName.ShouldBe("QueryString");
        Should.Throw<ArgumentException>(() => client.GetObjectUrl(Bucket, "k", new CosObjectUrlOptions { Headers = [new("Host", "evil.example.com")] })).ParamName.ShouldBe("Headers");
        Should.Throw<ArgumentException>(() => client.GetObjectUrl(Bucket, "k", new CosObjectUrlOptions { Region = "AP Guangzhou" })).ParamName.ShouldBe("Region");
        Should.Throw<ArgumentNullException>(() => client.GetObjectUrl(Bucket, "k", (CosObjectUrlOptions)null!));
    }

    [Fact]
    public void The_interface_has_the_options_overloads()
    {
        using var client = Client();
        ICosClient cos = client;
        cos.GetObjectUrl(Bucket, "k", new CosObjectUrlOptions { Sign = false }).OriginalString.ShouldBe($"https://{Host}/k");
    }

    [Fact]
    public async Task An_unsigned_url_fetches_a_public_read_object_but_not_a_private_one()
    {
        await using var emulator = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Bucket)] });
        using var client = new CosClient(emulator.CreateClientOptions());
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "public.txt", Acl = ObjectAcl.PublicRead, Body = new MemoryStream("for everyone"u8.ToArray()) });
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "private.txt", Body = new MemoryStream("not for you"u8.ToArray()) });
        using var http = new HttpClient(CosHttpHandler.CreatePrimaryHandler(emulator.CreateClientOptions()));

        var url = client.GetObjectUrl(Bucket, "public.txt", new CosObjectUrlOptions { Sign = false });
        url.OriginalString.ShouldNotContain("q-sign");
        (await http.GetStringAsync(url)).ShouldBe("for everyone");

        var refused = await http.GetAsync(client.GetObjectUrl(Bucket, "private.txt", new CosObjectUrlOptions { Sign = false }));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await http.GetStringAsync(client.GetObjectUrl(Bucket, "private.txt"))).ShouldBe("not for you");
    }

    [Fact]
    public async Task A_url_with_signed_headers_works_only_when_they_are_sent()
    {
        await using var emulator = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Bucket)] });
        using var client = new CosClient(emulator.CreateClientOptions());
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "limited.txt", Body = new MemoryStream("slowly"u8.ToArray()) });
        using var http = new HttpClient(CosHttpHandler.CreatePrimaryHandler(emulator.CreateClientOptions()));

        var url = await client.GetObjectUrlAsync(Bucket, "limited.txt", new CosObjectUrlOptions { Headers = [new("x-cos-traffic-limit", "819200")] });

        (await http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, url);
        wrong.Headers.Add("x-cos-traffic-limit", "838860800");
        (await http.SendAsync(wrong)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var right = new HttpRequestMessage(HttpMethod.Get, url);
        right.Headers.Add("x-cos-traffic-limit", "819200");
        var response = await http.SendAsync(right);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("slowly");
    }

    [Fact]
    public async Task A_raw_query_string_reaches_the_server_and_the_signature_still_holds()
    {
        await using var emulator = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Bucket)] });
        using var client = new CosClient(emulator.CreateClientOptions());
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "q.txt", Body = new MemoryStream("query"u8.ToArray()) });
        using var http = new HttpClient(CosHttpHandler.CreatePrimaryHandler(emulator.CreateClientOptions()));
        emulator.RequestLog.Clear();

        var url = client.GetObjectUrl(Bucket, "q.txt", new CosObjectUrlOptions { QueryString = "x-app-tag=one" });

        (await http.GetStringAsync(url)).ShouldBe("query");
        emulator.Requests.ShouldHaveSingleItem().Get("x-app-tag").ShouldBe("one");
    }

    private sealed class CountingProvider : ICosCredentialProvider
    {
        public int Calls { get; private set; }

        public ValueTask<CosCredentials> GetCredentialsAsync(CosCredentialScope scope, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult(new CosCredentials("AKIDTMP", "TMPKEY", "tmp token", Now.AddMinutes(-5), Now.AddHours(1)));
        }
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
