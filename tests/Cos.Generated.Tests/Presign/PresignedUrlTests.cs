using Cos.Generated.Credentials;
using Cos.Generated.Signing;
using Cos.Generated.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Presign;

public class PresignedUrlTests
{
    private const string Bucket = "examplebucket-1250000000";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private static CosClient Client(string? token = null, bool pathStyle = false, ICosCredentialProvider? provider = null) =>
        new(new CosClientOptions
        {
            SecretId = provider is null ? "AKIDEXAMPLE" : null,
            SecretKey = provider is null ? "SECRETEXAMPLE" : null,
            SecurityToken = provider is null ? token : null,
            CredentialProvider = provider,
            Region = "ap-guangzhou",
            ForcePathStyle = pathStyle,
            TimeProvider = new FixedTimeProvider(Now),
        });

    /// <summary>Splits a URL into its base and its raw query pairs, in order.</summary>
    private static (string Base, List<(string Name, string Value)> Query) Split(Uri url)
    {
        var text = url.OriginalString;
        var q = text.IndexOf('?');
        var pairs = text[(q + 1)..].Split('&').Select(p => p.Split('=', 2)).Select(p => (p[0], p.Length > 1 ? p[1] : string.Empty)).ToList();
        return (text[..q], pairs);
    }

    [Fact]
    public void Url_carries_the_authorization_pieces_url_encoded_and_verifies()
    {
        using var client = Client(token: "tok+en/with=special&chars");
        var extra = new List<KeyValuePair<string, string?>> { new("response-content-disposition", "attachment; filename=\"a b.txt\""), new("versionId", "v1") };

        var url = client.GetObjectUrl(Bucket, "dir/a b.txt", TimeSpan.FromSeconds(600), query: extra);

        var (baseUrl, query) = Split(url);
        baseUrl.ShouldBe("https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/dir/a%20b.txt");
        query.Select(p => p.Name).ShouldBe(
        [
            "q-sign-algorithm", "q-ak", "q-sign-time", "q-key-time", "q-header-list", "q-url-param-list", "q-signature",
            "x-cos-security-token", "response-content-disposition", "versionId",
        ]);
        var values = query.ToDictionary(p => p.Name, p => p.Value);
        values["q-sign-algorithm"].ShouldBe("sha1");
        values["q-ak"].ShouldBe("AKIDEXAMPLE");
        values["q-sign-time"].ShouldBe("1699999999%3B1700000599");
        values["q-key-time"].ShouldBe("1699999999%3B1700000599");
        values["q-header-list"].ShouldBe("host");
        values["q-url-param-list"].ShouldBe("response-content-disposition%3Bversionid");
        values["x-cos-security-token"].ShouldBe("tok%2Ben%2Fwith%3Dspecial%26chars");
        values["response-content-disposition"].ShouldBe("attachment%3B%20filename%3D%22a%20b.txt%22");

        var expected = CosSigner.GetAuthorization(
            "AKIDEXAMPLE",
            "SECRETEXAMPLE",
            "GET",
            "/dir/a b.txt",
            extra.ToArray(),
            [new("host", "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com")],
            new CosKeyTime(1_699_999_999, 1_700_000_599));
        SignatureVerifier.ParseAuthorization(expected)["q-signature"].ShouldBe(values["q-signature"]);
    }

    [Fact]
    public void Defaults_are_GET_and_SignatureExpires()
    {
        using var client = Client();
        var (_, query) = Split(client.GetObjectUrl(Bucket, "k"));
        var values = query.ToDictionary(p => p.Name, p => Uri.UnescapeDataString(p.Value));
        values["q-key-time"].ShouldBe("1699999999;1700000899");
        values["q-url-param-list"].ShouldBe(string.Empty);
        values.ShouldNotContainKey("x-cos-security-token");
        var expected = CosSigner.GetAuthorization("AKIDEXAMPLE", "SECRETEXAMPLE", "get", "/k", [], [new("Host", "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com")], CosKeyTime.Parse(values["q-key-time"]));
        SignatureVerifier.ParseAuthorization(expected)["q-signature"].ShouldBe(values["q-signature"]);
    }

    [Fact]
    public void Put_url_signs_the_method()
    {
        using var client = Client();
        var (_, query) = Split(client.GetObjectUrl(Bucket, "upload.bin", method: HttpMethod.Put));
        var values = query.ToDictionary(p => p.Name, p => Uri.UnescapeDataString(p.Value));
        var expected = CosSigner.GetAuthorization("AKIDEXAMPLE", "SECRETEXAMPLE", "PUT", "/upload.bin", [], [new("Host", "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com")], CosKeyTime.Parse(values["q-key-time"]));
        SignatureVerifier.ParseAuthorization(expected)["q-signature"].ShouldBe(values["q-signature"]);
    }

    [Fact]
    public void Path_style_url_signs_the_bucket_in_the_pathname()
    {
        using var client = Client(pathStyle: true);
        var (baseUrl, query) = Split(client.GetObjectUrl(Bucket, "k", region: "ap-beijing"));
        baseUrl.ShouldBe("https://cos.ap-beijing.myqcloud.com/examplebucket-1250000000/k");
        var values = query.ToDictionary(p => p.Name, p => Uri.UnescapeDataString(p.Value));
        var expected = CosSigner.GetAuthorization("AKIDEXAMPLE", "SECRETEXAMPLE", "GET", "/examplebucket-1250000000/k", [], [new("Host", "cos.ap-beijing.myqcloud.com")], CosKeyTime.Parse(values["q-key-time"]));
        SignatureVerifier.ParseAuthorization(expected)["q-signature"].ShouldBe(values["q-signature"]);
    }

    [Fact]
    public void Anonymous_client_gives_an_unsigned_url()
    {
        using var client = new CosClient(new CosClientOptions { Region = "ap-guangzhou" });
        client.GetObjectUrl(Bucket, "a b", query: [new("x", "1")]).OriginalString
            .ShouldBe("https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a%20b?x=1");
    }

    [Fact]
    public async Task Sync_presign_refuses_a_rotating_provider_and_async_uses_it()
    {
        using var client = Client(provider: new TemporaryProvider());
        Should.Throw<InvalidOperationException>(() => client.GetObjectUrl(Bucket, "k"));

        var url = await client.GetObjectUrlAsync(Bucket, "k");

        var values = Split(url).Query.ToDictionary(p => p.Name, p => Uri.UnescapeDataString(p.Value));
        values["q-ak"].ShouldBe("AKIDTMP");
        values["x-cos-security-token"].ShouldBe("tmp token");
        values["q-key-time"].ShouldBe("1699999999;1700000899"); // the default 900 s, well inside the key's hour
        var expected = CosSigner.GetAuthorization("AKIDTMP", "TMPKEY", "GET", "/k", [], [new("Host", "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com")], new CosKeyTime(1_699_999_999, 1_700_000_899));
        SignatureVerifier.ParseAuthorization(expected)["q-signature"].ShouldBe(values["q-signature"]);
    }

    [Fact]
    public async Task Async_presign_asks_the_provider_and_caps_at_the_key_expiry()
    {
        using var client = Client(provider: new TemporaryProvider());
        var url = await client.GetObjectUrlAsync(Bucket, "k", TimeSpan.FromHours(10));
        var values = Split(url).Query.ToDictionary(p => p.Name, p => Uri.UnescapeDataString(p.Value));
        values["q-ak"].ShouldBe("AKIDTMP");
        values["x-cos-security-token"].ShouldBe("tmp token");
        values["q-key-time"].ShouldBe("1699999999;1700003600"); // ExpiredTime = Now + 1 h
    }

    [Fact]
    public void Static_provider_works_synchronously()
    {
        using var client = Client(provider: new StaticCredentialProvider("AKIDSTATIC", "KEY"));
        Split(client.GetObjectUrl(Bucket, "k")).Query.ShouldContain(("q-ak", "AKIDSTATIC"));
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        using var client = Client();
        Should.Throw<ArgumentException>(() => client.GetObjectUrl(Bucket, ""));
        Should.Throw<ArgumentException>(() => client.GetObjectUrl("nobucket", "k"));
        Should.Throw<ArgumentOutOfRangeException>(() => client.GetObjectUrl(Bucket, "k", TimeSpan.Zero));
    }

    private sealed class TemporaryProvider : ICosCredentialProvider
    {
        public ValueTask<CosCredentials> GetCredentialsAsync(CosCredentialScope scope, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new CosCredentials("AKIDTMP", "TMPKEY", "tmp token", Now.AddMinutes(-5), Now.AddHours(1)));
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
