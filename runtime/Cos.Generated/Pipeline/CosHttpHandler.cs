using System.Net;
using System.Net.Sockets;
using System.Text;
using Cos.Generated.Endpoints;

namespace Cos.Generated.Pipeline;

/// <summary>Creates the one <see cref="HttpClient"/> a <see cref="CosClient"/> owns.</summary>
internal static class CosHttpClientFactory
{
    public static HttpClient Create(CosClientOptions options) =>
        // Timeouts are per try and enforced by the pipeline.
        new(CosHttpHandler.CreatePrimaryHandler(options), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
}

/// <summary>
/// The connection handler a <see cref="CosClient"/> sends through, for code that builds its own <see cref="HttpClient"/>
/// (such as an <c>IHttpClientFactory</c> registration): no redirects, no decompression, no cookies, connections
/// renewed every 5 minutes, UTF-8 request headers, and <see cref="CosClientOptions.ConnectTo"/> honoured.
/// </summary>
public static class CosHttpHandler
{
    /// <summary>
    /// Creates the handler <see cref="CosClient"/> makes for itself from <paramref name="options"/>. An
    /// <see cref="HttpClient"/> over it should have an infinite <see cref="HttpClient.Timeout"/> (the client times each try).
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="CosClientOptions.Validate"/>).</exception>
    public static SocketsHttpHandler CreatePrimaryHandler(CosClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
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

        return handler;
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
