using Cos.Emulator;
using Cos.Generated;
using Cos.Generated.Pipeline;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cos.WebApp;

/// <summary>
/// The steps of Program, as methods so that tests run the same app in-process (with their own log provider and
/// OpenTelemetry exporters added between them): start the development emulator if there is no COS to talk to, add
/// the services, map the endpoints (<see cref="FileEndpoints"/>).
/// </summary>
public static class CosWebApp
{
    /// <summary>The configuration section of the COS client (<c>services.AddCosClient</c>).</summary>
    public const string CosSection = "Cos";

    /// <summary>The configuration section of <see cref="StorageOptions"/>.</summary>
    public const string StorageSection = "Storage";

    /// <summary>The activity source of ASP.NET Core's request spans (.NET 8 and later).</summary>
    public const string AspNetCoreSource = "Microsoft.AspNetCore";

    /// <summary>
    /// In the Development environment, when the configuration names no COS to connect to (<c>Cos:ConnectTo</c>) and
    /// holds no key (<c>Cos:SecretId</c>), starts the local COS emulator in this process with the bucket
    /// <c>Storage:Bucket</c> and points <c>Cos:*</c> at it. Otherwise does nothing and returns null.
    /// The caller disposes the emulator after the app stopped.
    /// </summary>
    public static async Task<CosEmulator?> StartDevelopmentEmulatorAsync(WebApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var cos = builder.Configuration.GetSection(CosSection);
        if (!builder.Environment.IsDevelopment() || !string.IsNullOrEmpty(cos["ConnectTo"]) || !string.IsNullOrEmpty(cos["SecretId"]))
        {
            return null;
        }

        var bucket = builder.Configuration[$"{StorageSection}:Bucket"];
        var region = cos["Region"];
        if (string.IsNullOrEmpty(bucket) || string.IsNullOrEmpty(region))
        {
            return null; // validation on start names what is missing
        }

        var emulator = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(bucket, region)] }, cancellationToken);
        var options = emulator.CreateClientOptions(region);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{CosSection}:SecretId"] = options.SecretId,
            [$"{CosSection}:SecretKey"] = options.SecretKey,
            [$"{CosSection}:Protocol"] = options.Protocol,
            [$"{CosSection}:ConnectTo"] = options.ConnectTo,
        });
        Console.WriteLine($"Development: no Cos:ConnectTo or Cos:SecretId set, so the local COS emulator runs in this process at {emulator.Endpoint} with the bucket {bucket} (in memory; gone when the app stops).");
        return emulator;
    }

    /// <summary>
    /// Adds the COS client from <c>Cos</c>, <see cref="StorageOptions"/> from <c>Storage</c>, the source-generated
    /// JSON, and OpenTelemetry listening to the SDK's meter and activity source (<c>Cos.Generated</c>), with console
    /// exporters when <c>Telemetry:Console</c> is true.
    /// </summary>
    public static void AddServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, WebAppJsonContext.Default));

        services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageSection))
            .Validate(s => !string.IsNullOrWhiteSpace(s.Bucket), "Storage:Bucket is required: the bucket as BucketName-APPID, such as 'examplebucket-1250000000'.")
            .Validate(s => s.PresignMinutes is > 0 and <= 7 * 24 * 60, "Storage:PresignMinutes must be between 1 and 10080 (7 days).")
            .Validate(s => s.MaxUploadBytes > 0 && s.ListLimit > 0, "Storage:MaxUploadBytes and Storage:ListLimit must be positive.")
            .ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        // ICosClient/CosClient, validated on start; it logs through the host's ILoggerFactory (category
        // "Cos.Generated") and measures on the host's IMeterFactory.
        services.AddCosClient(builder.Configuration.GetSection(CosSection));

        var console = bool.TryParse(builder.Configuration["Telemetry:Console"], out var on) && on;
        var interval = int.TryParse(builder.Configuration["Telemetry:MetricsIntervalSeconds"], out var seconds) && seconds > 0 ? seconds : 60;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(CosMetrics.MeterName); // "Cos.Generated"
                if (console)
                {
                    metrics.AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval * 1000);
                }
            })
            .WithTracing(tracing =>
            {
                // The SDK's spans are children of the request's span, which ASP.NET Core creates on the source
                // "Microsoft.AspNetCore": listen to both, or the default parent-based sampler drops the SDK's spans
                // along with their unrecorded parent.
                tracing.AddSource(AspNetCoreSource, CosTracing.SourceName); // "Cos.Generated"
                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            });
    }
}
