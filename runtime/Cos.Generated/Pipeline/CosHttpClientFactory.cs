using System.Net;
using System.Net.Sockets;
using System.Text;
using Cos.Generated.Endpoints;

namespace Cos.Generated.Pipeline;

/// <summary>Creates the one <see cref="HttpClient"/> a <see cref="CosClient"/> owns.</summary>
internal static class CosHttpClientFactory
{
    public static HttpClient Create(CosClientOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // Bodies are read as sent: a transparent gunzip would break Content-Length and CRC-64 checks.
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            // Re-resolve DNS now and then so that long-lived clients follow endpoint changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(50),
            // User metadata may hold non-ASCII text; it is sent (and signed) as UTF-8.
            RequestHeaderEncodingSelector = static (_, _) => Encoding.UTF8,
        };

        if (options.ConnectTo is not null && ConnectAddress.TryParse(options.ConnectTo, out var address))
        {
            handler.ConnectCallback = (context, cancellationToken) => ConnectAsync(address, context, cancellationToken);
        }

        // Timeouts are per try and enforced by the pipeline.
        return new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>Connects to <paramref name="address"/> whatever host the request names (the JS SDK's <c>Ip</c>).</summary>
    private static async ValueTask<Stream> ConnectAsync(ConnectAddress address, SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(address.Host, address.Port ?? context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
