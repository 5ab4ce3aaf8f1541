using System.Net.Sockets;
using Cos.Generated.Protocol;
using Cos.Generated.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Pipeline;

/// <summary>Client wiring: injected HttpClient, service-scope requests.</summary>
public class PipelineClientTests
{
    [Fact]
    public async Task Injected_HttpClient_is_used_and_not_disposed()
    {
        await using var server = await ScriptedServer.StartAsync();
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync("127.0.0.1", server.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var http = new HttpClient(handler);
        var client = new CosClient(new CosClientOptions { SecretId = "AKID", SecretKey = "KEY", Region = "ap-guangzhou", Protocol = "http" }, http);

        (await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None)).ShouldBe(200);
        client.Dispose();

        // Still usable by its owner.
        using var again = new CosClient(new CosClientOptions { Region = "ap-guangzhou", Protocol = "http" }, http);
        (await again.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None)).ShouldBe(200);
        server.Requests.Count.ShouldBe(2);
        server.Requests[0].Header("Host").ShouldBe(TestClients.Host);
    }

    [Fact]
    public async Task Service_scope_request_goes_to_the_service_host_and_signs_slash()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = TestClients.Create(server);
        var request = new CosHttpRequest(CosOperations.GetService);

        await client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None);

        var received = server.Requests.ShouldHaveSingleItem();
        received.RequestLine.ShouldBe("GET / HTTP/1.1");
        received.Header("Host").ShouldBe("service.cos.myqcloud.com");
        SignatureVerifier.Recompute(received, TestClients.SecretId, TestClients.SecretKey).ShouldBe(received.Header("Authorization"));
    }

    [Fact]
    public async Task Empty_header_values_are_sent_but_not_signed()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = TestClients.Create(server);
        var request = TestClients.Get("k");
        request.AddHeader("Cache-Control", "");
        request.AddHeader("x-cos-meta-empty", "");

        await client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None);

        var received = server.Requests.ShouldHaveSingleItem();
        SignatureVerifier.ParseAuthorization(received.Header("Authorization")!)["q-header-list"].ShouldBe("host");
    }

    [Fact]
    public async Task Invalid_bucket_fails_before_anything_is_sent()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = TestClients.Create(server);
        var request = new CosHttpRequest("GetObject", HttpMethod.Get, CosOperationSafety.ReadOnly) { Bucket = "NoAppId", Key = "k" };

        (await Should.ThrowAsync<ArgumentException>(() => client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None))).ParamName.ShouldBe("Bucket");
        server.Requests.ShouldBeEmpty();
    }
}
