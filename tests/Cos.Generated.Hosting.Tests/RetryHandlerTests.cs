using System.Collections.Concurrent;
using Cos.Emulator;
using Cos.Emulator.Faults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cos.Generated.Hosting.Tests;

/// <summary>An app that adds the standard resilience handler to every HttpClient does not get double retries on COS.</summary>
public sealed class RetryHandlerTests
{
    private const string Bucket = "examplebucket-1250000000";

    [Fact]
    public async Task AddStandardResilienceHandler_on_every_client_is_kept_off_COS_clients_with_a_warning_and_stays_on_others()
    {
        await using var cos = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Bucket)] });
        cos.Faults.Add(new FaultRule { Operation = "HeadObject", KeyPattern = "flaky.txt", Status = 503, ErrorCode = "ServiceUnavailable" });
        var emulator = cos.CreateClientOptions();
        var warnings = new ConcurrentQueue<(int EventId, string Message)>();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new WarningCapture(warnings)));
        services.ConfigureHttpClientDefaults(builder => builder.AddStandardResilienceHandler());
        services.AddCosClient(settings =>
        {
            settings.SecretId = emulator.SecretId;
            settings.SecretKey = emulator.SecretKey;
            settings.Region = emulator.Region;
            settings.Protocol = emulator.Protocol;
            settings.ConnectTo = emulator.ConnectTo;
            settings.MaxRetries = 1;
            settings.RetryDelay = TimeSpan.FromMilliseconds(10);
        });
        services.AddHttpClient("other");
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ICosClient>();

        var error = await Should.ThrowAsync<CosException>(() => client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "flaky.txt" }));

        error.StatusCode.ShouldBe(503);
        // The SDK's own 1 + MaxRetries tries, not those times the resilience handler's 1 + 3.
        cos.RequestLog.Snapshot().Count(r => r.Key == "flaky.txt").ShouldBe(2);
        warnings.ShouldContain(w => w.EventId == 4001 && w.Message.Contains("Microsoft.Extensions.Http.Resilience.ResilienceHandler") && w.Message.Contains("'Cos.Generated'"));

        // Other clients of the app keep the handler they were given.
        var other = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler("other");
        Handlers(other).ShouldContain(h => h.GetType().FullName == "Microsoft.Extensions.Http.Resilience.ResilienceHandler");
        Handlers(provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(CosHostingNames.DefaultHttpClientName))
            .ShouldNotContain(h => h.GetType().FullName == "Microsoft.Extensions.Http.Resilience.ResilienceHandler");
    }

    private static IEnumerable<HttpMessageHandler> Handlers(HttpMessageHandler handler)
    {
        for (var current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            yield return current;
        }
    }

    private sealed class WarningCapture(ConcurrentQueue<(int EventId, string Message)> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(warnings);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<(int EventId, string Message)> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Warning)
                {
                    warnings.Enqueue((eventId.Id, formatter(state, exception)));
                }
            }
        }
    }
}
