using System.Text.Json;
using Cos.Generated.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cos.Generated.Tests.Credentials;

/// <summary>What the signature backend was asked to sign.</summary>
public sealed record SignRequest(string Method, string Pathname, Dictionary<string, string> Query, Dictionary<string, string> Headers);

/// <summary>
/// A format-2 backend on Kestrel, like the JS SDK's sample server: POST {method, pathname, query, headers}
/// and it answers {authorization, securityToken?}, signed with the real key by <see cref="CosSigner"/>.
/// </summary>
public sealed class SignatureBackend : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly List<SignRequest> _requests = [];
    private readonly WebApplication _app;

    private SignatureBackend(WebApplication app, string secretId, string secretKey, string? securityToken)
    {
        _app = app;
        app.MapPost("/sign", async context =>
        {
            var request = (await JsonSerializer.DeserializeAsync<SignRequest>(context.Request.Body, Web))!;
            lock (_requests)
            {
                _requests.Add(request);
            }

            var authorization = CosSigner.GetAuthorization(new CosAuthorizationRequest
            {
                SecretId = secretId,
                SecretKey = secretKey,
                Method = request.Method,
                Pathname = request.Pathname,
                Query = request.Query.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)).ToList(),
                Headers = request.Headers.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)).ToList(),
            });
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { authorization, securityToken }, Web));
        });
    }

    public IReadOnlyList<SignRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<SignatureBackend> StartAsync(string secretId, string secretKey, string? securityToken = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var backend = new SignatureBackend(builder.Build(), secretId, secretKey, securityToken);
        await backend._app.StartAsync();
        backend.Endpoint = new Uri(new Uri(backend._app.Urls.First()), "/sign");
        return backend;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
