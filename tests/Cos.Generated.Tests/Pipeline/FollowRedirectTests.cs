using Cos.Generated.Protocol;
using Cos.Generated.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Pipeline;

/// <summary>
/// <see cref="CosClientOptions.FollowRedirect"/>, against a scripted server that every host name reaches (ConnectTo), so
/// a redirect to another host is seen with its Host header.
/// </summary>
public class FollowRedirectTests
{
    private static CosClient Client(ScriptedServer server, bool followRedirect, string? securityToken = null)
    {
        using var basis = TestClients.Create(server, securityToken: securityToken);
        return new CosClient(basis.Options with { FollowRedirect = followRedirect, MaxRetries = 0 });
    }

    private static Func<HttpContext, Task> Redirect(int status, string location) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        context.Response.Headers["x-cos-request-id"] = "redirecting";
        return Task.CompletedTask;
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_redirect_on_the_same_host_is_followed_with_the_signature_only_when_asked(bool followRedirect)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(Redirect(302, "/moved/k?from=old"));
        server.Enqueue(200, "<Result><Value>moved</Value></Result>");
        using var client = Client(server, followRedirect);

        if (followRedirect)
        {
            (await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.ReadValue, CancellationToken.None)).ShouldBe("moved");
            server.Requests.Count.ShouldBe(2);
            var second = server.Requests[1];
            second.RawTarget.ShouldBe("/moved/k?from=old");
            second.Header("Host").ShouldBe(TestClients.Host);
            second.Header("Authorization").ShouldBe(server.Requests[0].Header("Authorization"));
        }
        else
        {
            var error = await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.ReadValue, CancellationToken.None));
            error.StatusCode.ShouldBe(302);
            error.ErrorCode.ShouldBe("302");
            error.RequestId.ShouldBe("redirecting");
            server.Requests.Count.ShouldBe(1);
        }
    }

    [Fact]
    public async Task Credentials_are_not_sent_to_another_host()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(Redirect(301, "http://mirror.example.com/k"));
        server.Enqueue(200, "<Result><Value>mirror</Value></Result>");
        using var client = Client(server, followRedirect: true, securityToken: "temporary-token");

        (await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.ReadValue, CancellationToken.None)).ShouldBe("mirror");

        var (first, second) = (server.Requests[0], server.Requests[1]);
        first.Header("Authorization").ShouldNotBeNull();
        first.Header("x-cos-security-token").ShouldBe("temporary-token");
        second.Header("Host").ShouldBe("mirror.example.com");
        second.Header("Authorization").ShouldBeNull();
        second.Header("x-cos-security-token").ShouldBeNull();
        second.Header("User-Agent").ShouldBe(first.Header("User-Agent"));
    }

    [Fact]
    public async Task At_most_three_redirects_are_followed()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = Redirect(307, "/again");
        using var client = Client(server, followRedirect: true);

        (await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None))).StatusCode.ShouldBe(307);
        server.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Only_GET_and_HEAD_are_redirected()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(Redirect(307, "/elsewhere"));
        server.Enqueue(Redirect(302, "/elsewhere"));
        server.Enqueue(200);
        using var client = Client(server, followRedirect: true);

        (await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(TestClients.Request(HttpMethod.Put, "k", CosOperationSafety.Idempotent), TestClients.Status, CancellationToken.None))).StatusCode.ShouldBe(307);
        (await client.Pipeline.SendAsync(TestClients.Request(HttpMethod.Head, "k", CosOperationSafety.ReadOnly), TestClients.Status, CancellationToken.None)).ShouldBe(200);
        server.Requests.Select(r => r.Method + " " + r.RawTarget).ShouldBe(["PUT /k", "HEAD /k", "HEAD /elsewhere"]);
    }
}
