using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Cos.Generated.Tests.Infrastructure;

/// <summary>What the server received.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, string Protocol, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string RequestLine => $"{Method} {RawTarget} {Protocol}";
}

/// <summary>
/// A real Kestrel server on 127.0.0.1 (random port) that records every request and answers with
/// scripted handlers, one per request in order; when the script runs out it answers 200 with no body.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private WebApplication? _app;

    public int Port { get; private set; }

    /// <summary>The handler used when the script is empty.</summary>
    public Func<HttpContext, Task>? Fallback { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    public static async Task<ScriptedServer> StartAsync()
    {
        var server = new ScriptedServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(options => options.AllowSynchronousIO = false);
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server._app = app;
        server.Port = new Uri(app.Urls.First()).Port;
        return server;
    }

    public void Enqueue(Func<HttpContext, Task> handler) => _script.Enqueue(handler);

    /// <summary>Answers with a status, optional body and headers; adds <c>x-cos-request-id</c>.</summary>
    public void Enqueue(int status, string? body = null, IDictionary<string, string>? headers = null, string requestId = "req-id") =>
        Enqueue(context => Respond(context, status, body, headers, requestId));

    public static async Task Respond(HttpContext context, int status, string? body = null, IDictionary<string, string>? headers = null, string requestId = "req-id")
    {
        context.Response.StatusCode = status;
        context.Response.Headers["x-cos-request-id"] = requestId;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (body is not null)
        {
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync(body);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var feature = context.Features.Get<IHttpRequestFeature>()!;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(context.Request.Method, feature.RawTarget, context.Request.Protocol, headers, buffer.ToArray()));
        }

        if (_script.TryDequeue(out var handler))
        {
            await handler(context);
        }
        else if (Fallback is not null)
        {
            await Fallback(context);
        }
        else
        {
            await Respond(context, 200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _app.StopAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            await _app.DisposeAsync();
        }
    }
}
