using System.Diagnostics;
using Cos.Emulator;
using Cos.Emulator.Faults;
using Cos.Generated.Pipeline;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Cos.Generated.Tests.Observability;

/// <summary>
/// The client's metrics and spans as the OpenTelemetry SDK sees them (its in-memory exporter), for operations against
/// the emulator: one retried, one failed; the expected values follow from what the test did.
/// </summary>
[Collection(ObservabilityCollection.Name)]
public sealed class OpenTelemetryTests
{
    private const string Bucket = "examplebucket-1250000000";

    [Fact]
    public async Task Metrics_and_spans_of_operations_a_retry_a_failure_and_a_transfer()
    {
        await using var emulator = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Bucket)] });
        var metrics = new List<MetricSnapshot>();
        var spans = new List<Activity>();
        using var meterProvider = Sdk.CreateMeterProviderBuilder().AddMeter(CosMetrics.MeterName).AddInMemoryExporter(metrics).Build();
        using var tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource(CosTracing.SourceName).AddInMemoryExporter(spans).Build();

        // No EnableTracker: the spans are there because a listener is.
        using var client = new CosClient(emulator.CreateClientOptions() with { RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(5) });
        var retried = emulator.Faults.Add(new FaultRule { Operation = "PutObject", KeyPattern = "retried", Status = 503, ErrorCode = "ServiceUnavailable", Times = 1 });

        await client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "a", Body = new MemoryStream(new byte[5]) });
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "retried", Body = new MemoryStream(new byte[7]) });
        await using (var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "a" }))
        {
            await get.Body.CopyToAsync(Stream.Null);
        }

        var missing = await Should.ThrowAsync<CosException>(() => client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "missing" }));
        missing.ErrorCode.ShouldBe("NoSuchKey");
        await client.UploadAsync(Bucket, "transfer", new MemoryStream(new byte[1000]));
        retried.Fired.ShouldBe(1);

        meterProvider.ForceFlush().ShouldBeTrue();
        tracerProvider.ForceFlush().ShouldBeTrue();

        // Duration: one point per operation and outcome; the transfer's own PutObject makes three successful PUTs.
        var duration = Points(metrics, CosMetrics.OperationDuration);
        HistogramCount(duration, "PutObject", 200).ShouldBe(3);
        HistogramCount(duration, "GetObject", 200).ShouldBe(1);
        HistogramCount(duration, "GetObject", 404, "NoSuchKey").ShouldBe(1);
        duration.Where(p => Tag(p, "error.type") is not null).Sum(p => p.GetHistogramCount()).ShouldBe(1);
        Single(metrics, CosMetrics.OperationDuration).Unit.ShouldBe("s");

        // Retries: one, on the PutObject the fault hit once.
        var retries = Points(metrics, CosMetrics.OperationRetries);
        retries.Where(p => Tag(p, "cos.operation") as string == "PutObject").Sum(p => p.GetSumLong()).ShouldBe(1);
        retries.Where(p => Tag(p, "cos.operation") as string != "PutObject").Sum(p => p.GetSumLong()).ShouldBe(0);

        // Bytes: 5 + 7 + 1000 sent by the successful PUTs; 5 received by the GET of "a".
        Points(metrics, CosMetrics.RequestBodySize).Where(p => Is(p, "PutObject", 200)).Sum(p => p.GetHistogramSum()).ShouldBe(5 + 7 + 1000);
        Points(metrics, CosMetrics.ResponseBodySize).Where(p => Is(p, "GetObject", 200)).Sum(p => p.GetHistogramSum()).ShouldBe(5);

        // The transfer: one upload of 1000 bytes.
        var transferred = Points(metrics, CosMetrics.TransferBytes);
        transferred.Single().GetSumLong().ShouldBe(1000);
        Tag(transferred.Single(), "cos.transfer.direction").ShouldBe("upload");
        Points(metrics, CosMetrics.TransferDuration).Sum(p => p.GetHistogramCount()).ShouldBe(1);

        // Spans: one per operation (the retried PUT is one span of two attempts).
        spans.Select(s => s.OperationName).Order().ShouldBe(["GetObject", "GetObject", "PutObject", "PutObject", "PutObject"]);
        spans.ShouldAllBe(s => s.Kind == ActivityKind.Client);
        spans.Count(s => s.Status == ActivityStatusCode.Error).ShouldBe(1);
        var failed = spans.Single(s => s.Status == ActivityStatusCode.Error);
        failed.GetTagItem("error.type").ShouldBe("NoSuchKey");
        failed.GetTagItem("http.response.status_code").ShouldBe(404);
        spans.Where(s => (string?)s.GetTagItem("cos.attempts") == "2").Count().ShouldBe(1);
        spans.ShouldAllBe(s => s.GetTagItem("url.path") == null); // detail only with EnableTracker
    }

    [Fact]
    public async Task EnableTracker_adds_the_path_to_the_spans()
    {
        await using var emulator = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Bucket)] });
        var spans = new List<Activity>();
        using var tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource(CosTracing.SourceName).AddInMemoryExporter(spans).Build();
        using var client = new CosClient(emulator.CreateClientOptions() with { EnableTracker = true });

        await client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "dir/tracked", Body = new MemoryStream([1]) });

        tracerProvider.ForceFlush().ShouldBeTrue();
        var span = spans.ShouldHaveSingleItem();
        span.GetTagItem("url.path").ShouldBe("/dir/tracked");
        span.GetTagItem("cos.bucket").ShouldBe(Bucket);
        span.Status.ShouldBe(ActivityStatusCode.Ok);
    }

    private static MetricSnapshot Single(List<MetricSnapshot> metrics, string name) => metrics.Last(m => m.Name == name);

    private static List<MetricPoint> Points(List<MetricSnapshot> metrics, string name)
    {
        // Cumulative: the last export holds the totals.
        var snapshot = metrics.LastOrDefault(m => m.Name == name);
        return snapshot is null ? [] : [.. snapshot.MetricPoints];
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

    private static bool Is(MetricPoint point, string operation, int status, string? errorType = null) =>
        Tag(point, "cos.operation") as string == operation
        && Tag(point, "http.response.status_code") is { } code && Convert.ToInt32(code, System.Globalization.CultureInfo.InvariantCulture) == status
        && Tag(point, "error.type") as string == errorType;

    private static long HistogramCount(List<MetricPoint> points, string operation, int status, string? errorType = null) =>
        points.Where(p => Is(p, operation, status, errorType)).Sum(p => p.GetHistogramCount());
}
