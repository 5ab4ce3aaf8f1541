using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cos.Emulator.Faults;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cos.Emulator.Tests;

/// <summary>
/// The emulator hosts Kestrel itself (no generic host): its socket transport uses the large-block pool, and stopping
/// still lets requests in flight finish.
/// </summary>
public sealed class HostingTests
{
    [Fact]
    public async Task The_socket_transport_rents_its_buffers_from_the_large_block_pool()
    {
        var transport = new SocketTransportOptions();
        LargeBlockMemoryPool.Use(transport);
        (await AcceptedConnectionPoolAsync(transport)).ShouldBeOfType<LargeBlockMemoryPool>();
    }

    [Fact]
    public async Task Without_the_large_block_pool_the_transport_keeps_its_own()
    {
        (await AcceptedConnectionPoolAsync(new SocketTransportOptions())).ShouldNotBeOfType<LargeBlockMemoryPool>();
    }

    [Fact]
    public async Task Stopping_waits_for_a_request_in_flight_and_it_gets_its_whole_answer()
    {
        await using var cos = await Emulators.StartAsync();
        cos.Faults.Add(new FaultRule { Operation = "GetBucket", Latency = TimeSpan.FromSeconds(1) });
        using var http = Emulators.Raw(cos);
        var pending = http.SendAsync(RawRequests.Create(cos, HttpMethod.Get, "/"));
        await Emulators.WaitUntilAsync(() => cos.Requests.Count == 1, "the request arrives");

        var stopping = Stopwatch.StartNew();
        await cos.StopAsync();
        stopping.Stop();

        using var response = await pending;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<ListBucketResult");
        stopping.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(500));

        // Stopped: nothing listens any more.
        using var refused = Emulators.Raw(cos);
        await Should.ThrowAsync<HttpRequestException>(() => refused.SendAsync(RawRequests.Create(cos, HttpMethod.Get, "/")));
    }

    private static async Task<System.Buffers.MemoryPool<byte>> AcceptedConnectionPoolAsync(SocketTransportOptions transport)
    {
        var factory = new SocketTransportFactory(Options.Create(transport), NullLoggerFactory.Instance);
        var listener = await factory.BindAsync(new IPEndPoint(IPAddress.Loopback, 0));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync((IPEndPoint)listener.EndPoint);
            var connection = (await listener.AcceptAsync())!;
            try
            {
                return connection.Features.Get<IMemoryPoolFeature>()!.MemoryPool;
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
        finally
        {
            await listener.UnbindAsync();
            await listener.DisposeAsync();
        }
    }
}
