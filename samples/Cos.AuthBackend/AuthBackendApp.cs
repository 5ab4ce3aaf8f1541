using Cos.Generated.Backend.Browser;
using Cos.Generated.Backend.Contracts;
using Cos.Generated.Backend.Sts;
using Cos.Generated.Credentials;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cos.AuthBackend;

/// <summary>
/// Builds the backend: <c>GET /sts</c>, <c>POST /sts</c>, <c>POST /sign</c>, CORS for the configured page origins.
/// <c>dotnet run</c> uses it through Program; tests start it in-process with <c>Urls = "http://127.0.0.1:0"</c>
/// and read the bound address from <c>app.Urls</c> after <c>StartAsync</c>.
/// </summary>
public static class AuthBackendApp
{
    /// <summary>Creates the application (not started).</summary>
    /// <exception cref="ArgumentException">The options are incomplete.</exception>
    public static WebApplication Build(AuthBackendOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, CosBackendJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(1, AuthBackendJsonContext.Default);
        });
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins([.. options.CorsOrigins])
            .WithMethods("GET", "POST")
            .WithHeaders("Content-Type")));

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => new CosStsClient(new CosStsClientOptions
        {
            SecretId = options.SecretId,
            SecretKey = options.SecretKey,
            Region = options.Region,
            Endpoint = options.StsEndpoint ?? CosStsClientOptions.DefaultEndpoint,
        }));

        // Format 2 signs with the permanent key, so the signer's allow-lists are the only limit: keep them tight.
        var signer = new CosBrowserSigner(new CosBrowserSignerOptions
        {
            Credentials = new CosCredentials(options.SecretId, options.SecretKey),
            AllowedMethods = ["GET", "HEAD", "PUT", "POST"],
            AllowedBuckets = [options.Bucket],
            Region = options.Region,
            AllowedKeyPrefixes = [options.KeyPrefix],
            HostSuffixes = options.HostSuffixes,
        });
        builder.Services.AddSingleton(signer);

        var app = builder.Build();
        app.UseCors();
        app.MapGet("/sts", CredentialEndpoints.GetTemporaryKeyAsync);
        app.MapPost("/sts", CredentialEndpoints.GetScopedTemporaryKeyAsync);
        app.MapPost("/sign", CredentialEndpoints.SignAsync);
        return app;
    }
}
