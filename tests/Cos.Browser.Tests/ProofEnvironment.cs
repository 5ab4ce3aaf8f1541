using System.Net;
using System.Net.Sockets;
using Cos.AuthBackend;
using Cos.Emulator;
using Cos.Generated;
using Microsoft.AspNetCore.Builder;

namespace Cos.Browser.Tests;

/// <summary>
/// The emulator (a bucket, a CORS rule for the page exposing ETag, hosts under <c>localhost</c> so the browser can
/// reach <c>{bucket}.cos.{region}.localhost:PORT</c>) and the sample backend, in-process, the backend calling the
/// emulator's STS with the emulator's permanent key.
/// </summary>
public sealed class ProofEnvironment : IAsyncDisposable
{
    public const string Bucket = "examplebucket-1250000000";
    public const string Region = "ap-guangzhou";
    public const string KeyPrefix = "browser/";

    private ProofEnvironment(CosEmulator cos, WebApplication backend, Uri backendUrl, string pageOrigin)
    {
        Cos = cos;
        Backend = backend;
        BackendUrl = backendUrl;
        PageOrigin = pageOrigin;
    }

    public CosEmulator Cos { get; }

    public WebApplication Backend { get; }

    /// <summary>The backend's origin, <c>http://127.0.0.1:PORT</c>.</summary>
    public Uri BackendUrl { get; }

    /// <summary>The origin the page is served from; both CORS configurations allow exactly it.</summary>
    public string PageOrigin { get; }

    public static async Task<ProofEnvironment> StartAsync(string pageOrigin)
    {
        var cos = await CosEmulator.StartAsync(new CosEmulatorOptions
        {
            Buckets = [new EmulatorBucket(Bucket, Region)],
            HostSuffixes = ["myqcloud.com", "tencentcos.cn", "localhost"],
        });
        try
        {
            // The page's origin may call the bucket, as PUT Bucket cors allows it on COS.
            using (var client = new CosClient(cos.CreateClientOptions()))
            {
                await client.PutBucketCorsAsync(new PutBucketCorsRequest
                {
                    Bucket = Bucket,
                    CorsRules =
                    [
                        new CorsRule
                        {
                            AllowedOrigins = [pageOrigin],
                            AllowedMethods = [CorsMethod.Get, CorsMethod.Put, CorsMethod.Post, CorsMethod.Head, CorsMethod.Delete],
                            AllowedHeaders = ["*"],
                            // The SDK reads each part's ETag to complete a multipart upload: without it exposed, it fails.
                            ExposeHeaders = ["ETag", "Content-Length", "x-cos-request-id"],
                            MaxAgeSeconds = 600,
                        },
                    ],
                });
            }

            var backend = AuthBackendApp.Build(new AuthBackendOptions
            {
                Bucket = Bucket,
                Region = Region,
                KeyPrefix = KeyPrefix,
                SecretId = cos.SecretId,
                SecretKey = cos.SecretKey,
                StsEndpoint = cos.Endpoint,
                CorsOrigins = [pageOrigin],
                HostSuffixes = ["myqcloud.com", "tencentcos.cn", "localhost"],
                Urls = "http://127.0.0.1:0",
            });
            await backend.StartAsync();
            return new ProofEnvironment(cos, backend, new Uri(backend.Urls.Single()), pageOrigin);
        }
        catch
        {
            await cos.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client with the emulator's permanent key, to check what the browser stored.</summary>
    public CosClient CreateAdminClient() => new(Cos.CreateClientOptions(Region) with { MaxRetries = 0 });

    /// <summary>A port that was free a moment ago, for the page's origin (the CORS rules must name it before the page exists).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Backend.DisposeAsync();
        await Cos.DisposeAsync();
    }
}
