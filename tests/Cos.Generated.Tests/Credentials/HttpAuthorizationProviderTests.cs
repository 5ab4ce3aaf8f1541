using System.Text.Json;
using Cos.Generated.Credentials;
using Cos.Generated.Tests.Infrastructure;
using static Cos.Generated.Tests.Credentials.HttpTemporaryCredentialProviderTests;

namespace Cos.Generated.Tests.Credentials;

public class HttpAuthorizationProviderTests
{
    private static readonly CosAuthorizationContext Context = new(
        "PUT",
        "/dir/a b.txt",
        [new("partNumber", "2"), new("uploadId", "u-1"), new("uploads", null)],
        [new("Host", "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com"), new("Content-Length", "5")],
        new CosCredentialScope("name/cos:UploadPart", "examplebucket-1250000000", "ap-guangzhou", "dir/a b.txt"));

    private static HttpAuthorizationProvider Provider(ScriptedServer server) =>
        new(new Uri($"http://127.0.0.1:{server.Port}/sign"), new HttpCredentialProviderOptions { RetryDelay = TimeSpan.FromMilliseconds(1) });

    [Fact]
    public async Task The_request_is_POSTed_as_method_pathname_query_headers_and_the_answer_returned()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = context => Json(context, """{"authorization":"q-sign-algorithm=sha1&q-ak=AKID&q-signature=abc","securityToken":"tok"}""");
        using var provider = Provider(server);

        var answer = await provider.GetAuthorizationAsync(Context, CancellationToken.None);

        answer.Authorization.ShouldBe("q-sign-algorithm=sha1&q-ak=AKID&q-signature=abc");
        answer.SecurityToken.ShouldBe("tok");
        answer.ToString().ShouldNotContain("abc");
        var request = server.Requests.Single();
        request.Method.ShouldBe("POST");
        using var body = JsonDocument.Parse(request.Body);
        body.RootElement.GetProperty("method").GetString().ShouldBe("PUT");
        body.RootElement.GetProperty("pathname").GetString().ShouldBe("/dir/a b.txt");
        body.RootElement.GetProperty("query").GetProperty("partNumber").GetString().ShouldBe("2");
        body.RootElement.GetProperty("query").GetProperty("uploads").GetString().ShouldBe("");
        body.RootElement.GetProperty("headers").GetProperty("Host").GetString().ShouldBe("examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com");
        body.RootElement.GetProperty("headers").GetProperty("Content-Length").GetString().ShouldBe("5");
    }

    [Fact]
    public async Task A_sessionToken_is_read_as_the_security_token()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = context => Json(context, """{"authorization":"q-sign-algorithm=sha1","sessionToken":"tok2"}""");
        using var provider = Provider(server);

        (await provider.GetAuthorizationAsync(Context, CancellationToken.None)).SecurityToken.ShouldBe("tok2");
    }

    [Theory]
    [InlineData("""{"securityToken":"tok"}""", "without \"authorization\"")]
    [InlineData("""{"authorization":"q-sign-algorithm=sha1 injected\r\nX: y"}""", "white space or control characters")]
    [InlineData("""{"authorization":""", "could not be read")]
    public async Task A_bad_answer_is_a_clear_error(string answer, string expected)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = context => Json(context, answer);
        using var provider = Provider(server);

        var error = await Should.ThrowAsync<CosCredentialsException>(provider.GetAuthorizationAsync(Context, CancellationToken.None).AsTask());

        error.Message.ShouldContain(expected);
        error.Message.ShouldContain($"http://127.0.0.1:{server.Port}/sign");
    }

    [Fact]
    public async Task A_5xx_is_retried()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(context => Json(context, "{}", 500));
        server.Fallback = context => Json(context, """{"authorization":"q-sign-algorithm=sha1"}""");
        using var provider = Provider(server);

        (await provider.GetAuthorizationAsync(Context, CancellationToken.None)).Authorization.ShouldBe("q-sign-algorithm=sha1");
        server.Requests.Count.ShouldBe(2);
    }
}
