using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Cos.Emulator;
using Cos.Generated.Pipeline;
using Cos.WebApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Cos.Generated.Hosting.Tests;

/// <summary>
/// The sample app (samples/Cos.WebApp) run as Program runs it — development emulator, AddServices, MapFileEndpoints,
/// its appsettings*.json — on a real port, driven through its HTTP endpoints. A capturing log provider (under the
/// app's own log filters) and OpenTelemetry in-memory exporters (added to the app's own providers, which choose the
/// meter and sources) show that the SDK's logs, metrics and spans come out while it serves. Not in parallel with other
/// tests: a MeterProvider and a TracerProvider hear every <c>Cos.Generated</c> meter and source of the process.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class WebAppTests
{
    private const string Bucket = "examplebucket-1250000000"; // Storage:Bucket of the sample's appsettings.json

    private sealed record Logged(string Category, int EventId, LogLevel Level, IReadOnlyDictionary<string, object?> Values);

    private static WebApplicationBuilder CreateBuilder(string environment, Dictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        return builder;
    }

    [Fact]
    public async Task Upload_list_download_presign_and_delete_through_the_app_with_the_SDKs_logs_metrics_and_spans()
    {
        var logged = new ConcurrentQueue<Logged>();
        var metrics = new List<MetricSnapshot>();
        var spans = new List<Activity>();

        var builder = CreateBuilder("Development");
        await using var emulator = await CosWebApp.StartDevelopmentEmulatorAsync(builder);
        emulator.ShouldNotBeNull("Development with no Cos:ConnectTo and no key starts the emulator");
        builder.Logging.ClearProviders().AddProvider(new CapturingProvider(logged));
        CosWebApp.AddServices(builder);
        builder.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
        await using var app = builder.Build();
        app.MapFileEndpoints();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        // PUT with a Content-Length: one PutObject streaming the body. Chunked: UploadAsync, multipart above 1 MiB.
        var small = RandomNumberGenerator.GetBytes(200_000);
        var large = RandomNumberGenerator.GetBytes(3_000_000);
        using (var put = await http.PutAsync("/files/docs/small%20file.bin", new ByteArrayContent(small)))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.Created, await put.Content.ReadAsStringAsync());
            put.Headers.Location!.OriginalString.ShouldBe("/files/docs/small%20file.bin");
            var result = await put.Content.ReadFromJsonAsync<JsonElement>();
            result.GetProperty("size").GetInt64().ShouldBe(small.Length);
            result.GetProperty("multipart").GetBoolean().ShouldBeFalse();
        }

        using (var put = await http.PutAsync("/files/docs/large.bin", new StreamContent(new NonSeekableStream(large))))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.Created, await put.Content.ReadAsStringAsync());
            var result = await put.Content.ReadFromJsonAsync<JsonElement>();
            result.GetProperty("size").GetInt64().ShouldBe(large.Length);
            result.GetProperty("multipart").GetBoolean().ShouldBeTrue("3 MB with no Content-Length goes in 1 MiB parts");
        }

        // List (paged by the SDK, streamed as JSON), with a limit, and an empty prefix.
        var listed = await http.GetFromJsonAsync<JsonElement[]>("/files?prefix=docs/");
        listed!.Select(e => (e.GetProperty("key").GetString(), e.GetProperty("size").GetInt64()))
            .ShouldBe([("docs/large.bin", large.Length), ("docs/small file.bin", small.Length)]);
        (await http.GetFromJsonAsync<JsonElement[]>("/files?prefix=docs/&limit=1"))!.Length.ShouldBe(1);
        (await http.GetFromJsonAsync<JsonElement[]>("/files?prefix=nothing/"))!.ShouldBeEmpty();

        // Download: the same bytes, with their length.
        foreach (var (path, bytes) in new[] { ("/files/docs/small%20file.bin", small), ("/files/docs/large.bin", large) })
        {
            using var get = await http.GetAsync(path);
            get.StatusCode.ShouldBe(HttpStatusCode.OK);
            get.Content.Headers.ContentLength.ShouldBe(bytes.Length);
            (await get.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        }

        // A presigned URL fetched straight from COS (the emulator), not through the app: what COS stores is what was sent.
        var presigned = await http.GetFromJsonAsync<JsonElement>("/presign/docs/large.bin");
        presigned.GetProperty("method").GetString().ShouldBe("GET");
        using (var direct = new HttpClient(new SocketsHttpHandler { ConnectCallback = (_, token) => ConnectAsync(emulator.Port, token) }))
        {
            (await direct.GetByteArrayAsync(presigned.GetProperty("url").GetString())).ShouldBe(large);
        }

        // Delete; then the object is gone (COS's NoSuchKey as a 404).
        (await http.DeleteAsync("/files/docs/small%20file.bin")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using (var gone = await http.GetAsync("/files/docs/small%20file.bin"))
        {
            gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await gone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe("NoSuchKey");
        }

        app.Services.GetRequiredService<MeterProvider>().ForceFlush().ShouldBeTrue();
        app.Services.GetRequiredService<TracerProvider>().ForceFlush().ShouldBeTrue();
        await app.StopAsync();

        // Logs: the per-request Debug events (on because appsettings.Development.json says Cos.Generated: Debug) and
        // the transfer's Information events, in the category Cos.Generated.
        var cos = logged.Where(l => l.Category == CosTracing.SourceName).ToList();
        string? Operation(Logged l) => l.Values.TryGetValue("Operation", out var v) ? v as string : null;
        cos.Where(l => l.EventId == 1002).Select(Operation).Distinct().Order()
            .ShouldBe(["CompleteMultipartUpload", "DeleteObject", "GetBucket", "GetObject", "InitiateMultipartUpload", "PutObject", "UploadPart"]);
        cos.ShouldAllBe(l => l.EventId != 1002 || l.Level == LogLevel.Debug);
        cos.Count(l => l.EventId == 1003 && Operation(l) == "GetObject" && (string?)l.Values["ErrorType"] == "NoSuchKey").ShouldBe(1);
        var transfer = cos.Where(l => l.EventId == 3002).ShouldHaveSingleItem("TransferCompleted of the chunked upload");
        transfer.Values["Bytes"].ShouldBe((long)large.Length);

        // Metrics of the Cos.Generated meter, from the app's MeterProvider.
        var duration = metrics.Where(m => m.Name == CosMetrics.OperationDuration).SelectMany(m => m.MetricPoints).ToList();
        long Count(string operation, int status) => duration
            .Where(p => Tag(p, "cos.operation") as string == operation && Tag(p, "http.response.status_code") is int s && s == status)
            .Sum(p => p.GetHistogramCount());
        Count("PutObject", 200).ShouldBe(1);
        Count("UploadPart", 200).ShouldBe(3);
        Count("GetObject", 200).ShouldBe(2);
        Count("GetObject", 404).ShouldBe(1);
        Count("DeleteObject", 204).ShouldBe(1);
        Count("GetBucket", 200).ShouldBe(3);
        metrics.Where(m => m.Name == CosMetrics.RequestBodySize).SelectMany(m => m.MetricPoints)
            .Where(p => Tag(p, "cos.operation") as string is "PutObject" or "UploadPart").Sum(p => p.GetHistogramSum())
            .ShouldBe(small.Length + large.Length);
        metrics.Where(m => m.Name == CosMetrics.TransferBytes).SelectMany(m => m.MetricPoints).Sum(p => p.GetSumLong()).ShouldBe(large.Length);

        // Spans: one per SDK operation, each a child of the app's request span (ASP.NET Core's source).
        var put1 = spans.Single(s => s.Source.Name == CosTracing.SourceName && s.OperationName == "PutObject");
        put1.Kind.ShouldBe(ActivityKind.Client);
        put1.GetTagItem("cos.bucket").ShouldBe(Bucket);
        var parent = spans.Single(s => s.SpanId == put1.ParentSpanId);
        parent.Source.Name.ShouldBe(CosWebApp.AspNetCoreSource);
        parent.Kind.ShouldBe(ActivityKind.Server);
        spans.Count(s => s.Source.Name == CosTracing.SourceName && s.OperationName == "UploadPart").ShouldBe(3);
    }

    [Fact]
    public async Task No_emulator_outside_Development_or_when_a_COS_is_configured()
    {
        (await CosWebApp.StartDevelopmentEmulatorAsync(CreateBuilder("Production"))).ShouldBeNull();
        (await CosWebApp.StartDevelopmentEmulatorAsync(CreateBuilder("Development", new() { ["Cos:ConnectTo"] = "127.0.0.1:9000" }))).ShouldBeNull();
        (await CosWebApp.StartDevelopmentEmulatorAsync(CreateBuilder("Development", new() { ["Cos:SecretId"] = "AKIDexample" }))).ShouldBeNull();
    }

    [Fact]
    public async Task The_app_does_not_start_without_a_bucket()
    {
        var builder = CreateBuilder("Production", new()
        {
            ["Storage:Bucket"] = "",
            ["Cos:SecretId"] = "AKIDexample",
            ["Cos:SecretKey"] = "example",
        });
        CosWebApp.AddServices(builder);
        await using var app = builder.Build();
        app.MapFileEndpoints();

        var failure = await Should.ThrowAsync<OptionsValidationException>(() => app.StartAsync());
        failure.Message.ShouldContain("Storage:Bucket is required");
    }

    [Fact]
    public async Task An_upload_over_Storage_MaxUploadBytes_is_refused_and_nothing_is_stored()
    {
        var builder = CreateBuilder("Development", new() { ["Storage:MaxUploadBytes"] = "1000" });
        await using var emulator = await CosWebApp.StartDevelopmentEmulatorAsync(builder);
        builder.Logging.ClearProviders();
        CosWebApp.AddServices(builder);
        await using var app = builder.Build();
        app.MapFileEndpoints();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using (var sized = await http.PutAsync("/files/too-big", new ByteArrayContent(new byte[1001])))
        {
            sized.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
            (await sized.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe("TooLarge");
        }

        using (var chunked = await http.PutAsync("/files/too-big-chunked", new StreamContent(new NonSeekableStream(new byte[5000]))))
        {
            chunked.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, "Kestrel stops reading the chunked body at the limit");
        }

        using (var fits = await http.PutAsync("/files/fits", new ByteArrayContent(new byte[1000])))
        {
            fits.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await http.GetFromJsonAsync<JsonElement[]>("/files"))!.Select(e => e.GetProperty("key").GetString()).ShouldBe(["fits"]);
        await app.StopAsync();
    }

    private static object? Tag(MetricPoint point, string name)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == name)
            {
                return tag.Value;
            }
        }

        return null;
    }

    private static async ValueTask<Stream> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
        return new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>Makes HttpClient send the body chunked, with no Content-Length.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }

    private sealed class CapturingProvider(ConcurrentQueue<Logged> logged) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, logged);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Logged> logged) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
                logged.Enqueue(new Logged(category, eventId.Id, logLevel, values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.First().Value)));
            }
        }
    }
}

/// <summary>Runs <see cref="WebAppTests"/> alone, after the tests that run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WebAppCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "WebApp (process-wide telemetry listeners)";
}
