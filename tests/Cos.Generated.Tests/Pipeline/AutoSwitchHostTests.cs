using System.Net.Sockets;
using Cos.Generated.Credentials;
using Cos.Generated.Protocol;
using Cos.Generated.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Pipeline;

/// <summary>
/// <see cref="CosClientOptions.AutoSwitchHost"/>: which failures send the last retry to <c>*.tencentcos.cn</c>. The client
/// sends through an injected HttpClient that connects every host name to the scripted server (ConnectTo turns the switch off).
/// </summary>
public class AutoSwitchHostTests
{
    private const string BackupHost = "examplebucket-1250000000.cos.ap-guangzhou.tencentcos.cn";

    private static CosClientOptions Options(int maxRetries = 3, bool autoSwitchHost = true, ICosAuthorizationProvider? authorization = null) => new()
    {
        SecretId = authorization is null ? TestClients.SecretId : null,
        SecretKey = authorization is null ? TestClients.SecretKey : null,
        AuthorizationProvider = authorization,
        Region = TestClients.Region,
        Protocol = "http",
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetries = maxRetries,
        AutoSwitchHost = autoSwitchHost,
    };

    private static CosClient Client(ScriptedServer server, int maxRetries = 3, bool autoSwitchHost = true, ICosAuthorizationProvider? authorization = null) =>
        new(Options(maxRetries, autoSwitchHost, authorization), NewHttp(server));

    /// <summary>A 5xx (or other status) that did not come from COS: no <c>x-cos-request-id</c>.</summary>
    private static Task WithoutRequestId(HttpContext context, int status, string? location = null)
    {
        context.Response.StatusCode = status;
        if (location is not null)
        {
            context.Response.Headers.Location = location;
        }

        return Task.CompletedTask;
    }

    private static Task Reset(HttpContext context)
    {
        context.Abort();
        return Task.CompletedTask;
    }

    private static string[] Hosts(ScriptedServer server) => server.Requests.Select(r => r.Header("Host")!).ToArray();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Broken_connections_send_the_last_retry_to_the_backup_host_signed_for_it(bool autoSwitchHost)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(Reset);
        server.Enqueue(Reset);
        server.Enqueue(Reset);
        server.Enqueue(200);
        using var client = Client(server, autoSwitchHost: autoSwitchHost);

        (await client.Pipeline.SendAsync(TestClients.Get("dir/k"), TestClients.Status, CancellationToken.None)).ShouldBe(200);

        var last = autoSwitchHost ? BackupHost : TestClients.Host;
        Hosts(server).ShouldBe([TestClients.Host, TestClients.Host, TestClients.Host, last]);
        var final = server.Requests[3];
        final.RawTarget.ShouldBe("/dir/k");
        SignatureVerifier.ParseAuthorization(final.Header("Authorization")!)["q-header-list"].ShouldBe("host;x-cos-sdk-retry");
        SignatureVerifier.Recompute(final, TestClients.SecretId, TestClients.SecretKey).ShouldBe(final.Header("Authorization"));
    }

    [Fact]
    public async Task A_5xx_without_a_request_id_switches_on_the_last_retry_but_one_from_COS_does_not()
    {
        await using (var server = await ScriptedServer.StartAsync())
        {
            server.Fallback = context => WithoutRequestId(context, 502);
            using var client = Client(server);

            (await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None))).StatusCode.ShouldBe(502);
            Hosts(server).ShouldBe([TestClients.Host, TestClients.Host, TestClients.Host, BackupHost]);
        }

        await using (var server = await ScriptedServer.StartAsync())
        {
            server.Fallback = context => ScriptedServer.Respond(context, 500, "<Error><Code>InternalError</Code></Error>", requestId: "from-cos");
            using var client = Client(server);

            (await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None))).RequestId.ShouldBe("from-cos");
            Hosts(server).ShouldBe([TestClients.Host, TestClients.Host, TestClients.Host, TestClients.Host]);
        }
    }

    [Fact]
    public async Task With_one_retry_that_retry_is_the_last_and_switches()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(context => WithoutRequestId(context, 503));
        server.Enqueue(200);
        using var client = Client(server, maxRetries: 1);

        (await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None)).ShouldBe(200);
        Hosts(server).ShouldBe([TestClients.Host, BackupHost]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_redirect_without_a_request_id_is_retried_on_the_backup_host_at_once(bool autoSwitchHost)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(context => WithoutRequestId(context, 302, "http://elsewhere.example.com/"));
        server.Enqueue(200);
        using var client = Client(server, autoSwitchHost: autoSwitchHost);

        if (autoSwitchHost)
        {
            (await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None)).ShouldBe(200);
            Hosts(server).ShouldBe([TestClients.Host, BackupHost]);
        }
        else
        {
            (await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None))).StatusCode.ShouldBe(302);
            Hosts(server).ShouldBe([TestClients.Host]);
        }
    }

    [Fact]
    public async Task A_redirect_from_COS_is_not_retried()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(301, "<Error><Code>PermanentRedirect</Code></Error>");
        using var client = Client(server);

        (await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None))).StatusCode.ShouldBe(301);
        Hosts(server).ShouldBe([TestClients.Host]);
    }

    [Fact]
    public async Task An_authorization_provider_or_ConnectTo_keeps_the_default_host()
    {
        await using (var server = await ScriptedServer.StartAsync())
        {
            server.Fallback = context => WithoutRequestId(context, 502);
            using var client = Client(server, authorization: new FixedAuthorization());

            await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None));
            Hosts(server).ShouldBe([TestClients.Host, TestClients.Host, TestClients.Host, TestClients.Host]);
        }

        await using (var server = await ScriptedServer.StartAsync())
        {
            server.Fallback = context => WithoutRequestId(context, 502);
            using var client = TestClients.Create(server); // ConnectTo 127.0.0.1:port
            client.Options.AutoSwitchHost.ShouldBeTrue();

            await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None));
            Hosts(server).ShouldBe([TestClients.Host, TestClients.Host, TestClients.Host, TestClients.Host]);
        }
    }

    [Fact]
    public async Task Accelerated_and_custom_domain_hosts_do_not_switch()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = context => WithoutRequestId(context, 502);
        using (var accelerated = new CosClient(Options() with { UseAccelerate = true, MaxRetries = 1 }, NewHttp(server)))
        {
            await Should.ThrowAsync<CosException>(() => accelerated.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None));
        }

        using (var custom = new CosClient(Options() with { Domain = "{Bucket}.cos.{Region}.myqcloud.com", MaxRetries = 1 }, NewHttp(server)))
        {
            await Should.ThrowAsync<CosException>(() => custom.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None));
        }

        Hosts(server).ShouldBe(["examplebucket-1250000000.cos.accelerate.myqcloud.com", "examplebucket-1250000000.cos.accelerate.myqcloud.com", TestClients.Host, TestClients.Host]);
    }

    [Fact]
    public async Task An_unsafe_operation_is_not_retried_on_the_backup_host_after_a_5xx()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = context => WithoutRequestId(context, 502);
        using var client = Client(server, maxRetries: 1);

        await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(TestClients.Request(HttpMethod.Post, "k", CosOperationSafety.Unsafe), TestClients.Status, CancellationToken.None));
        Hosts(server).ShouldBe([TestClients.Host]);
    }

    [Fact]
    public async Task The_switch_is_logged_as_a_warning_naming_the_backup_host()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(context => WithoutRequestId(context, 504));
        server.Enqueue(200);
        using var logs = new Observability.CapturingLoggerFactory();
        using var client = new CosClient(Options(maxRetries: 1) with { LoggerFactory = logs }, NewHttp(server));

        await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None);

        var entry = logs.Entries.Where(e => e.EventId.Id == 2004).ShouldHaveSingleItem();
        entry.Level.ShouldBe(Microsoft.Extensions.Logging.LogLevel.Warning);
        entry.Message.ShouldContain(BackupHost);
        entry.Message.ShouldContain("504");
    }

    private static HttpClient NewHttp(ScriptedServer server)
    {
        var port = server.Port;
        return new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync("127.0.0.1", port, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        { Timeout = Timeout.InfiniteTimeSpan };
    }

    private sealed class FixedAuthorization : ICosAuthorizationProvider
    {
        public ValueTask<CosAuthorization> GetAuthorizationAsync(CosAuthorizationContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new CosAuthorization("q-sign-algorithm=sha1&q-ak=AKIDBACKEND&q-sign-time=1;2&q-key-time=1;2&q-header-list=host&q-url-param-list=&q-signature=0000000000000000000000000000000000000000"));
    }
}
