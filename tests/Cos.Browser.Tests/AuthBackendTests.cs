using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cos.Generated;
using Cos.Generated.Backend.Contracts;

namespace Cos.Browser.Tests;

/// <summary>
/// The sample backend's two contracts over HTTP, without a browser: the temporary keys it hands out work exactly as
/// far as the policy says on the emulator, scopes and signatures outside the allowed prefix are refused with 403 JSON.
/// </summary>
public sealed class AuthBackendTests : IAsyncLifetime
{
    private const string PageOrigin = "http://page.example";
    private ProofEnvironment _environment = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _environment = await ProofEnvironment.StartAsync(PageOrigin);
        _http = new HttpClient { BaseAddress = _environment.BackendUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _environment.DisposeAsync();
    }

    [Fact]
    public async Task GET_sts_answers_the_SDK_sample_shape_with_a_key_for_the_whole_prefix_only()
    {
        using var response = await _http.GetAsync("/sts");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl?.NoStore.ShouldBeTrue();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var credentials = json.RootElement.GetProperty("credentials");
        var start = json.RootElement.GetProperty("startTime").GetInt64();
        // The configured 30 minutes; startTime is the backend's clock, expiredTime the emulator's (a second apart at most).
        (json.RootElement.GetProperty("expiredTime").GetInt64() - start).ShouldBeInRange(1799, 1801);
        using var cos = TemporaryClient(credentials.GetProperty("tmpSecretId").GetString()!, credentials.GetProperty("tmpSecretKey").GetString()!, credentials.GetProperty("sessionToken").GetString()!);

        await PutAsync(cos, "browser/any/depth.txt");
        (await Should.ThrowAsync<CosException>(() => PutAsync(cos, "elsewhere.txt"))).StatusCode.ShouldBe(403);
        (await Should.ThrowAsync<CosException>(() => cos.DeleteObjectAsync(new DeleteObjectRequest { Bucket = ProofEnvironment.Bucket, Key = "browser/any/depth.txt" }))).StatusCode.ShouldBe(403);
    }

    [Fact]
    public async Task POST_sts_with_a_scope_gives_a_key_for_exactly_that_action_and_key()
    {
        var key = await PostScopeAsync("""[{"action":"name/cos:PutObject","bucket":"examplebucket-1250000000","region":"ap-guangzhou","prefix":"browser/one.txt"}]""");
        using var cos = TemporaryClient(key.Credentials.TmpSecretId, key.Credentials.TmpSecretKey, key.Credentials.SessionToken);

        await PutAsync(cos, "browser/one.txt");
        (await Should.ThrowAsync<CosException>(() => PutAsync(cos, "browser/two.txt"))).StatusCode.ShouldBe(403);
        (await Should.ThrowAsync<CosException>(() => cos.GetObjectAsync(new GetObjectRequest { Bucket = ProofEnvironment.Bucket, Key = "browser/one.txt" }))).StatusCode.ShouldBe(403);
    }

    public static TheoryData<string, HttpStatusCode> RefusedScopes => new()
    {
        { """[{"action":"name/cos:PutObject","bucket":"examplebucket-1250000000","region":"ap-guangzhou","prefix":"outside/a.txt"}]""", HttpStatusCode.Forbidden },
        { """[{"action":"name/cos:PutObject","bucket":"otherbucket-1250000000","region":"ap-guangzhou","prefix":"browser/a.txt"}]""", HttpStatusCode.Forbidden },
        { """[{"action":"name/cos:PutObject","bucket":"examplebucket-1250000000","region":"ap-beijing","prefix":"browser/a.txt"}]""", HttpStatusCode.Forbidden },
        { """[{"action":"name/cos:DeleteObject","bucket":"examplebucket-1250000000","region":"ap-guangzhou","prefix":"browser/a.txt"}]""", HttpStatusCode.Forbidden },
        { """[{"action":"name/cos:*","bucket":"examplebucket-1250000000","region":"ap-guangzhou","prefix":"browser/a.txt"}]""", HttpStatusCode.Forbidden },
        { """[{"action":"name/cos:GetObject","bucket":"examplebucket-1250000000","region":"ap-guangzhou","prefix":"browser/*"}]""", HttpStatusCode.Forbidden },
        { """[{"action":"name/cos:GetObject","bucket":"examplebucket-1250000000","region":"ap-guangzhou","prefix":"browser/../secret.txt"}]""", HttpStatusCode.Forbidden },
        { """[{"action":"name/cos:GetObject","bucket":"examplebucket-1250000000","region":"ap-guangzhou","prefix":"browser/a.txt"},{"action":"name/cos:GetObject","bucket":"examplebucket-1250000000","region":"ap-guangzhou","prefix":"b.txt"}]""", HttpStatusCode.Forbidden },
        { "[]", HttpStatusCode.Forbidden },
        { "{\"action\":", HttpStatusCode.BadRequest },
        { "{}", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(RefusedScopes))]
    public async Task POST_sts_refuses_scopes_beyond_the_bucket_prefix_and_actions_it_allows(string body, HttpStatusCode status)
    {
        using var response = await _http.PostAsync("/sts", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(status);
        var text = await response.Content.ReadAsStringAsync();
        JsonDocument.Parse(text).RootElement.GetProperty("error").GetString().ShouldNotBeNullOrEmpty();
        text.ShouldNotContain(_environment.Cos.SecretKey);
    }

    [Fact]
    public async Task POST_sign_signs_an_allowed_request_the_emulator_accepts_and_refuses_others_with_the_reason()
    {
        var host = $"{ProofEnvironment.Bucket}.cos.{ProofEnvironment.Region}.localhost:{_environment.Cos.Port}";
        using var signed = await _http.PostAsync("/sign", new StringContent(
            $$$"""{"method":"put","pathname":"/browser/signed.txt","query":{},"headers":{"Host":"{{{host}}}"}}""", Encoding.UTF8, "application/json"));
        signed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var signature = JsonSerializer.Deserialize(await signed.Content.ReadAsStringAsync(), CosBackendJsonContext.Default.CosSignResponse)!;

        // Sent as the browser sends it: to the emulator, under the signed virtual host.
        using (var raw = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"http://127.0.0.1:{_environment.Cos.Port}/browser/signed.txt") { Content = new ByteArrayContent("signed"u8.ToArray()) })
        {
            put.Headers.Host = host;
            put.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
            using var stored = await raw.SendAsync(put);
            stored.StatusCode.ShouldBe(HttpStatusCode.OK, await stored.Content.ReadAsStringAsync());
        }

        using var refused = await _http.PostAsync("/sign", new StringContent(
            $$$"""{"method":"PUT","pathname":"/outside/a.txt","headers":{"Host":"{{{host}}}"}}""", Encoding.UTF8, "application/json"));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        error.RootElement.GetProperty("reason").GetString().ShouldBe("KeyNotAllowed");

        using var deleting = await _http.PostAsync("/sign", new StringContent(
            $$$"""{"method":"DELETE","pathname":"/browser/a.txt","headers":{"Host":"{{{host}}}"}}""", Encoding.UTF8, "application/json"));
        deleting.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CORS_allows_the_configured_page_origin_only()
    {
        async Task<string?> PreflightAsync(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/sts");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type");
            using var response = await _http.SendAsync(request);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        }

        (await PreflightAsync(PageOrigin)).ShouldBe(PageOrigin);
        (await PreflightAsync("http://evil.example")).ShouldBeNull();
    }

    private async Task<CosTemporaryKeyResponse> PostScopeAsync(string scope)
    {
        using var response = await _http.PostAsync("/sts", new StringContent(scope, Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync(CosBackendJsonContext.Default.CosTemporaryKeyResponse))!;
    }

    private CosClient TemporaryClient(string secretId, string secretKey, string token) => new(_environment.Cos.CreateClientOptions(ProofEnvironment.Region) with
    {
        SecretId = secretId,
        SecretKey = secretKey,
        SecurityToken = token,
        MaxRetries = 0,
    });

    private static Task<PutObjectResponse> PutAsync(CosClient cos, string key) =>
        cos.PutObjectAsync(new PutObjectRequest { Bucket = ProofEnvironment.Bucket, Key = key, Body = new MemoryStream("x"u8.ToArray()) });
}
