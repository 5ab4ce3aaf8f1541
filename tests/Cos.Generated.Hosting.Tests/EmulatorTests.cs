using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using System.Net;
using Cos.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cos.Generated.Hosting.Tests;

/// <summary>A client from the container against the emulator: the connection from IHttpClientFactory, user handlers in it.</summary>
public sealed class EmulatorTests
{
    private const string Bucket = "examplebucket-1250000000";

    private static Task<CosEmulator> StartEmulatorAsync() =>
        CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Bucket, "ap-guangzhou")] });

    /// <summary>The emulator's own client options, as configuration keys of the section <c>Cos</c>.</summary>
    private static IConfiguration Configuration(CosEmulator cos)
    {
        var options = cos.CreateClientOptions();
        return new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cos:SecretId"] = options.SecretId,
            ["Cos:SecretKey"] = options.SecretKey,
            ["Cos:Region"] = options.Region,
            ["Cos:Protocol"] = options.Protocol,
            ["Cos:ConnectTo"] = options.ConnectTo,
        }).Build();
    }

    /// <summary>Records what it sends and what comes back, as a user's logging or auditing handler would.</summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        public ConcurrentQueue<(HttpMethod Method, Uri Uri, string? Authorization, HttpStatusCode Status)> Seen { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var authorization = request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : null;
            var response = await base.SendAsync(request, cancellationToken);
            Seen.Enqueue((request.Method, request.RequestUri!, authorization, response.StatusCode));
            return response;
        }
    }

    [Fact]
    public async Task The_client_logs_to_the_hosts_loggers_and_measures_on_its_meter_factory()
    {
        await using var cos = await StartEmulatorAsync();
        var logged = new ConcurrentQueue<(string Category, int EventId)>();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Debug).AddProvider(new CapturingProvider(logged)));
        services.AddMetrics();
        services.AddCosClient(Configuration(cos).GetSection("Cos"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<CosClient>();

        await client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "logged.txt", Body = new MemoryStream("x"u8.ToArray()) });

        client.Options.LoggerFactory.ShouldBeSameAs(provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>());
        client.Options.MeterFactory.ShouldBeSameAs(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        logged.ShouldContain(("Cos.Generated", 1002), "RequestCompleted of the PUT, in the host's logging");
    }

    private sealed class CapturingProvider(ConcurrentQueue<(string Category, int EventId)> logged) : Microsoft.Extensions.Logging.ILoggerProvider
    {
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(categoryName, logged);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string Category, int EventId)> logged) : Microsoft.Extensions.Logging.ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logged.Enqueue((category, eventId.Id));
        }
    }

    [Fact]
    public async Task The_client_from_the_container_puts_and_gets_an_object()
    {
        await using var cos = await StartEmulatorAsync();
        var services = new ServiceCollection();
        services.AddCosClient(Configuration(cos).GetSection("Cos"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ICosClient>();

        await client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "hosted/a b.txt", Body = new MemoryStream("from DI"u8.ToArray()) });
        await using var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "hosted/a b.txt" });

        (await new StreamReader(get.Body).ReadToEndAsync()).ShouldBe("from DI");
    }

    [Fact]
    public async Task A_user_handler_sees_the_signed_request_going_to_the_emulator()
    {
        await using var cos = await StartEmulatorAsync();
        var recorder = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddCosClient("audited", Configuration(cos).GetSection("Cos")).AddHttpMessageHandler(() => recorder);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredKeyedService<ICosClient>("audited");

        await client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "audited.txt", Body = new MemoryStream("x"u8.ToArray()) });

        var (method, uri, authorization, status) = recorder.Seen.ShouldHaveSingleItem();
        method.ShouldBe(HttpMethod.Put);
        uri.AbsoluteUri.ShouldBe($"http://{Bucket}.cos.ap-guangzhou.myqcloud.com/audited.txt", "the URL keeps the virtual-hosted name; ConnectTo only picks the socket");
        authorization.ShouldNotBeNull();
        authorization.ShouldStartWith("q-sign-algorithm=sha1&q-ak=" + cos.SecretId + "&");
        status.ShouldBe(HttpStatusCode.OK, "the emulator accepted the signature");
    }

    [Fact]
    public async Task A_retry_of_the_SDK_goes_through_the_user_handler_again_freshly_signed()
    {
        await using var cos = await StartEmulatorAsync();
        var failOnce = new FailFirstTryHandler();
        var services = new ServiceCollection();
        services.AddCosClient(Configuration(cos).GetSection("Cos")).AddHttpMessageHandler(() => failOnce);
        services.ConfigureCosClientOptions((_, options) => options with { RetryDelay = TimeSpan.Zero });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<CosClient>();
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "retried.txt", Body = new MemoryStream("y"u8.ToArray()) });

        failOnce.Requests.Count.ShouldBe(2, "the SDK retried the 503 once through the same handler chain");
        failOnce.Requests[0].ShouldNotBeSameAs(failOnce.Requests[1], "each try is a new, newly signed request");
        await using var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "retried.txt" });
        (await new StreamReader(get.Body).ReadToEndAsync()).ShouldBe("y");
    }

    /// <summary>Answers the first request with 503 SlowDown without sending it, then passes the rest on.</summary>
    private sealed class FailFirstTryHandler : DelegatingHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request);
                if (Requests.Count == 1)
                {
                    return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request, Content = new StringContent("") });
                }
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
