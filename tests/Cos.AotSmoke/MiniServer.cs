using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cos.AotSmoke;

/// <summary>A tiny HTTP/1.1 server on loopback that answers from a route table; just enough for the smoke run.</summary>
internal sealed class MiniServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<Request, Response> _route;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accept;

    public MiniServer(Func<Request, Response> route)
    {
        _route = route;
        _listener.Start();
        _accept = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            while (await ReadRequestAsync(stream) is { } request)
            {
                var response = _route(request);
                var head = new StringBuilder($"HTTP/1.1 {response.Status} X\r\nContent-Length: {response.Body.Length}\r\nx-cos-request-id: smoke\r\n");
                foreach (var (name, value) in response.Headers)
                {
                    head.Append(name).Append(": ").Append(value).Append("\r\n");
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
                if (request.Method != "HEAD")
                {
                    await stream.WriteAsync(response.Body);
                }
            }
        }
    }

    private static async Task<Request?> ReadRequestAsync(NetworkStream stream)
    {
        var header = new List<byte>();
        var one = new byte[1];
        while (!(header.Count >= 4 && header[^4] == '\r' && header[^3] == '\n' && header[^2] == '\r' && header[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            header.Add(one[0]);
        }

        var lines = Encoding.UTF8.GetString(header.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var parts = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length) : 0];
        await stream.ReadExactlyAsync(body);
        return new Request(parts[0], parts[1], headers, body);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accept;
    }
}

internal sealed record Request(string Method, string Target, Dictionary<string, string> Headers, byte[] Body);

internal sealed record Response(int Status, byte[] Body, params (string Name, string Value)[] Headers)
{
    public static Response Xml(string xml) => new(200, Encoding.UTF8.GetBytes(xml), ("Content-Type", "application/xml"));

    public static Response Json(string json) => new(200, Encoding.UTF8.GetBytes(json), ("Content-Type", "application/json"));
}
