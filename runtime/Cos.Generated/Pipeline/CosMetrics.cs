using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cos.Generated.Transfer;

namespace Cos.Generated.Pipeline;

/// <summary>
/// The <see cref="Meter"/> of the client, named like its <see cref="ActivitySource"/> (<c>Cos.Generated</c>): operation
/// durations, retries and body sizes recorded by the pipeline, and bytes and durations of the high-level transfers.
/// Modelled on OpenTelemetry's HTTP client semantic conventions (<c>http.client.request.duration</c> and the body-size
/// histograms) in a <c>cos.client.*</c> namespace; tags never carry object keys. Nothing is measured while no listener
/// enabled an instrument. The meter is static (one per process, like the activity source); see docs/observability.md.
/// </summary>
public static class CosMetrics
{
    /// <summary>The name of the meter: <c>Cos.Generated</c> (the same as <see cref="CosTracing.SourceName"/>).</summary>
    public const string MeterName = CosTracing.SourceName;

    /// <summary>Histogram (s): how long an operation took, all its tries and waits included.</summary>
    public const string OperationDuration = "cos.client.operation.duration";

    /// <summary>Counter ({retry}): retries of operations after a retryable failure.</summary>
    public const string OperationRetries = "cos.client.operation.retries";

    /// <summary>Histogram (By): the size of an operation's request body.</summary>
    public const string RequestBodySize = "cos.client.request.body.size";

    /// <summary>Histogram (By): the size of an operation's response body (its <c>Content-Length</c>).</summary>
    public const string ResponseBodySize = "cos.client.response.body.size";

    /// <summary>Histogram (s): how long a high-level transfer (upload, download, copy) took.</summary>
    public const string TransferDuration = "cos.client.transfer.duration";

    /// <summary>Counter (By): the bytes of the objects that high-level transfers moved (throughput over time).</summary>
    public const string TransferBytes = "cos.client.transfer.bytes";

    internal static readonly Meter Meter = new(MeterName, CosUserAgent.Version);

    // The semantic conventions' advice for http.client.request.duration.
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram(
        OperationDuration, "s", "Duration of COS operations, retries included.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(OperationRetries, "{retry}", "Retries of COS operations.");

    internal static readonly Histogram<long> RequestBody = Meter.CreateHistogram<long>(RequestBodySize, "By", "Size of COS request bodies.");

    internal static readonly Histogram<long> ResponseBody = Meter.CreateHistogram<long>(ResponseBodySize, "By", "Size of COS response bodies.");

    internal static readonly Histogram<double> TransferTime = Meter.CreateHistogram(
        TransferDuration, "s", "Duration of COS transfers (upload, download, copy).", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600] });

    internal static readonly Counter<long> TransferredBytes = Meter.CreateCounter<long>(TransferBytes, "By", "Bytes of objects moved by COS transfers.");

    /// <summary>True when a listener enabled any of the per-operation instruments.</summary>
    internal static bool OperationsEnabled => Duration.Enabled || Retries.Enabled || RequestBody.Enabled || ResponseBody.Enabled;

    /// <summary>True when a listener enabled any of the transfer instruments.</summary>
    internal static bool TransfersEnabled => TransferTime.Enabled || TransferredBytes.Enabled;

    internal static void RecordOperation(CosMessage message, TimeSpan elapsed, Exception? error)
    {
        var tags = new TagList
        {
            { "cos.operation", message.Request.OperationName },
            { "http.request.method", message.Request.Method.Method },
        };
        if (message.Response.StatusCode is { } status)
        {
            tags.Add("http.response.status_code", status);
        }

        if (error is not null)
        {
            tags.Add("error.type", ErrorType(error));
        }

        Duration.Record(elapsed.TotalSeconds, tags);
        if (message.Retries > 0)
        {
            Retries.Add(message.Retries, new KeyValuePair<string, object?>("cos.operation", message.Request.OperationName));
        }

        if ((message.Request.Body?.Length ?? message.SentBody?.BytesSent) is { } sent)
        {
            RequestBody.Record(sent, tags);
        }

        if (message.Response.ContentLength is { } received)
        {
            ResponseBody.Record(received, tags);
        }
    }

    internal static void RecordTransfer(CosTransferDirection direction, TimeSpan elapsed, long? bytes, Exception? error)
    {
        var tags = new TagList { { "cos.transfer.direction", Name(direction) } };
        if (error is not null)
        {
            tags.Add("error.type", ErrorType(error));
        }

        TransferTime.Record(elapsed.TotalSeconds, tags);
        if (bytes is > 0)
        {
            TransferredBytes.Add(bytes.Value, tags);
        }
    }

    /// <summary>The <c>error.type</c> of a failure: COS's error code, else the exception's type name.</summary>
    internal static string ErrorType(Exception error) =>
        error is CosException { ErrorCode: { } code } ? code : error.GetType().Name;

    internal static string Name(CosTransferDirection direction) => direction switch
    {
        CosTransferDirection.Upload => "upload",
        CosTransferDirection.Download => "download",
        _ => "copy",
    };
}
