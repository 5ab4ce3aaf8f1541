using System.Text.Json;
using Cos.Generated.Credentials;
using Cos.Generated.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Cos.Generated.Tests.Credentials;

public class HttpTemporaryCredentialProviderTests
{
    private const long StartTime = 1_790_000_000;
    private const long ExpiredTime = StartTime + 1800;
    private static readonly CosCredentialScope Scope = new("name/cos:PutObject", "examplebucket-1250000000", "ap-guangzhou", "dir/a.txt");

    private const string GoodKey =
        """{"credentials":{"tmpSecretId":"AKIDTMPHTTP","tmpSecretKey":"tmp-http-key","sessionToken":"http-session-token"},"requestId":"r1","startTime":1790000000,"expiredTime":1790001800}""";

    internal static Task Json(HttpContext context, string body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }

    private static HttpTemporaryCredentialProvider Provider(ScriptedServer server, bool scopeLimit = false, int maxRetries = 2, TimeSpan? timeout = null) =>
        new(new Uri($"http://127.0.0.1:{server.Port}/sts?user-token=do-not-show"), scopeLimit, new HttpCredentialProviderOptions
        {
            MaxRetries = maxRetries,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
            // Keys from 2026 are judged by a clock of that time.
            TimeProvider = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(StartTime + 10)),
        });

    [Fact]
    public async Task A_GET_answer_in_the_JS_sample_format_becomes_cached_temporary_credentials()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = context => Json(context, GoodKey);
        using var provider = Provider(server);

        var credentials = await provider.GetCredentialsAsync(Scope, CancellationToken.None);
        var again = await provider.GetCredentialsAsync(Scope with { Prefix = "other" }, CancellationToken.None);

        credentials.SecretId.ShouldBe("AKIDTMPHTTP");
        credentials.SecretKey.ShouldBe("tmp-http-key");
        credentials.SecurityToken.ShouldBe("http-session-token");
        credentials.StartTime.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(StartTime));
        credentials.ExpiredTime.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(ExpiredTime));
        again.ShouldBeSameAs(credentials);
        server.Requests.Count.ShouldBe(1);
        server.Requests[0].Method.ShouldBe("GET");
        server.Requests[0].RawTarget.ShouldBe("/sts?user-token=do-not-show");
    }

    [Fact]
    public async Task Times_given_as_strings_and_a_missing_startTime_are_accepted()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = context => Json(context, """{"credentials":{"tmpSecretId":"AKID","tmpSecretKey":"k","sessionToken":"t"},"expiredTime":"1790001800"}""");
        using var provider = Provider(server);

        var credentials = await provider.GetCredentialsAsync(Scope, CancellationToken.None);

        credentials.ExpiredTime.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(ExpiredTime));
        credentials.StartTime.ShouldBeNull();
    }

    [Fact]
    public async Task With_ScopeLimit_the_scope_is_POSTed_as_JSON_and_keys_are_fetched_per_scope()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = context => Json(context, GoodKey);
        using var provider = Provider(server, scopeLimit: true);

        await provider.GetCredentialsAsync(Scope, CancellationToken.None);
        await provider.GetCredentialsAsync(Scope, CancellationToken.None);
        await provider.GetCredentialsAsync(Scope with { Prefix = "dir/b.txt" }, CancellationToken.None);

        var requests = server.Requests;
        requests.Count.ShouldBe(2);
        requests[0].Method.ShouldBe("POST");
        using var body = JsonDocument.Parse(requests[0].Body);
        var item = body.RootElement.EnumerateArray().Single();
        item.GetProperty("action").GetString().ShouldBe("name/cos:PutObject");
        item.GetProperty("bucket").GetString().ShouldBe("examplebucket-1250000000");
        item.GetProperty("region").GetString().ShouldBe("ap-guangzhou");
        item.GetProperty("prefix").GetString().ShouldBe("dir/a.txt");
        JsonDocument.Parse(requests[1].Body).RootElement[0].GetProperty("prefix").GetString().ShouldBe("dir/b.txt");

        // A copy's scope posts GetObject on the source first, then PutObject on the target, as the JS SDK does.
        await provider.GetCredentialsAsync(Scope with { CopySource = new("name/cos:GetObject", "srcbucket-1250000000", "ap-beijing", "src/a.txt") }, CancellationToken.None);
        using var copy = JsonDocument.Parse(server.Requests[2].Body);
        copy.RootElement.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("bucket").GetString(), e.GetProperty("region").GetString(), e.GetProperty("prefix").GetString()))
            .ShouldBe([("name/cos:GetObject", "srcbucket-1250000000", "ap-beijing", "src/a.txt"), ("name/cos:PutObject", "examplebucket-1250000000", "ap-guangzhou", "dir/a.txt")]);
    }

    [Theory]
    [InlineData("{\"credentials\":{\"tmpSecretId\":\"AKID\",", "could not be read")]
    [InlineData("not json at all", "could not be read")]
    [InlineData("""{"credentials":{"tmpSecretId":"AKID","tmpSecretKey":"k","sessionToken":"t"}}""", "\"expiredTime\"")]
    [InlineData("""{"credentials":{"tmpSecretId":"AKID","sessionToken":"t"},"expiredTime":1790001800}""", "\"credentials.tmpSecretKey\"")]
    [InlineData("""{"expiredTime":1790001800}""", "\"credentials\"")]
    [InlineData("null", "empty body or JSON null")]
    public async Task A_bad_answer_is_a_clear_error_naming_the_endpoint_and_is_not_retried(string answer, string expected)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = context => Json(context, answer);
        using var provider = Provider(server);

        var error = await Should.ThrowAsync<CosCredentialsException>(provider.GetCredentialsAsync(Scope, CancellationToken.None).AsTask());

        error.Message.ShouldContain(expected);
        error.Message.ShouldContain($"http://127.0.0.1:{server.Port}/sts");
        error.Message.ShouldNotContain("do-not-show");
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_5xx_is_retried_and_the_next_answer_used()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(context => Json(context, """{"error":"busy"}""", 500));
        server.Enqueue(context => Json(context, """{"error":"busy"}""", 503));
        server.Fallback = context => Json(context, GoodKey);
        using var provider = Provider(server, maxRetries: 2);

        (await provider.GetCredentialsAsync(Scope, CancellationToken.None)).SecretId.ShouldBe("AKIDTMPHTTP");

        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_with_the_status_in_the_error_and_the_next_request_fetches_again()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(context => Json(context, "{}", 502));
        server.Enqueue(context => Json(context, "{}", 502));
        server.Fallback = context => Json(context, GoodKey);
        using var provider = Provider(server, maxRetries: 1);

        var error = await Should.ThrowAsync<CosCredentialsException>(provider.GetCredentialsAsync(Scope, CancellationToken.None).AsTask());
        error.Message.ShouldContain("HTTP 502");
        server.Requests.Count.ShouldBe(2);

        (await provider.GetCredentialsAsync(Scope, CancellationToken.None)).SecretId.ShouldBe("AKIDTMPHTTP");
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_4xx_is_refused_without_retry()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = context => Json(context, """{"error":"login first"}""", 401);
        using var provider = Provider(server);

        var error = await Should.ThrowAsync<CosCredentialsException>(provider.GetCredentialsAsync(Scope, CancellationToken.None).AsTask());

        error.Message.ShouldContain("HTTP 401");
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_backend_that_does_not_answer_times_out_with_a_clear_error()
    {
        await using var server = await ScriptedServer.StartAsync();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Fallback = async context =>
        {
            held.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        };
        using var provider = Provider(server, maxRetries: 0, timeout: TimeSpan.FromSeconds(1));

        var call = provider.GetCredentialsAsync(Scope, CancellationToken.None).AsTask();
        await held.Task;
        var error = await Should.ThrowAsync<CosCredentialsException>(call);

        error.Message.ShouldContain("did not answer within 1 s");
    }

    [Fact]
    public async Task A_timeout_is_retried()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        server.Fallback = context => Json(context, GoodKey);
        using var provider = Provider(server, maxRetries: 1, timeout: TimeSpan.FromSeconds(1));

        (await provider.GetCredentialsAsync(Scope, CancellationToken.None)).SecretId.ShouldBe("AKIDTMPHTTP");

        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public void Only_absolute_http_endpoints_and_valid_options_are_accepted()
    {
        Should.Throw<ArgumentException>(() => new HttpTemporaryCredentialProvider(new Uri("/sts", UriKind.Relative)));
        Should.Throw<ArgumentException>(() => new HttpTemporaryCredentialProvider(new Uri("ftp://example.com/sts")));
        Should.Throw<ArgumentOutOfRangeException>(() => new HttpTemporaryCredentialProvider(new Uri("https://example.com/sts"), options: new HttpCredentialProviderOptions { MaxRetries = -1 }));
        Should.Throw<ArgumentOutOfRangeException>(() => new HttpAuthorizationProvider(new Uri("https://example.com/sign"), new HttpCredentialProviderOptions { Timeout = TimeSpan.Zero }));
    }
}
