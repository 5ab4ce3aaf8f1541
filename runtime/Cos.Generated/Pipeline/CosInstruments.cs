using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cos.Generated.Transfer;

namespace Cos.Generated.Pipeline;

/// <summary>
/// The instruments of one <c>Cos.Generated</c> meter (<see cref="CosMetrics"/>): the process's static one, or one a
/// client's <see cref="CosClientOptions.MeterFactory"/> made (the factory owns and disposes it).
/// </summary>
internal sealed class CosInstruments
{
    // The semantic conventions' advice for http.client.request.duration.
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private static readonly double[] TransferBuckets = [0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600];

    /// <summary>The instruments of the process's static meter, for clients without a meter factory (after the buckets it uses).</summary>
    public static readonly CosInstruments Shared = new(new Meter(CosMetrics.MeterName, CosUserAgent.Version));

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _retries;
    private readonly Histogram<long> _requestBody;
    private readonly Histogram<long> _responseBody;
    private readonly Histogram<double> _transferTime;
    private readonly Counter<long> _transferredBytes;

    private CosInstruments(Meter meter)
    {
        Meter = meter;
        _duration = meter.CreateHistogram(
            CosMetrics.OperationDuration, "s", "Duration of COS operations, retries included.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _retries = meter.CreateCounter<long>(CosMetrics.OperationRetries, "{retry}", "Retries of COS operations.");
        _requestBody = meter.CreateHistogram<long>(CosMetrics.RequestBodySize, "By", "Size of COS request bodies.");
        _responseBody = meter.CreateHistogram<long>(CosMetrics.ResponseBodySize, "By", "Size of COS response bodies.");
        _transferTime = meter.CreateHistogram(
            CosMetrics.TransferDuration, "s", "Duration of COS transfers (upload, download, copy).", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TransferBuckets });
        _transferredBytes = meter.CreateCounter<long>(CosMetrics.TransferBytes, "By", "Bytes of objects moved by COS transfers.");
    }

    /// <summary>The meter the instruments belong to.</summary>
    public Meter Meter { get; }

    /// <summary>True when a listener enabled any of the per-operation instruments.</summary>
    public bool OperationsEnabled => _duration.Enabled || _retries.Enabled || _requestBody.Enabled || _responseBody.Enabled;

    /// <summary>True when a listener enabled any of the transfer instruments.</summary>
    public bool TransfersEnabled => _transferTime.Enabled || _transferredBytes.Enabled;

    /// <summary>The static meter's instruments without a factory; else those of a meter the factory makes (it caches equal meters).</summary>
    public static CosInstruments For(IMeterFactory? factory) =>
        factory is null ? Shared : new(factory.Create(new MeterOptions(CosMetrics.MeterName) { Version = CosUserAgent.Version }));

    public void RecordOperation(CosMessage message, TimeSpan elapsed, Exception? error)
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
            tags.Add("error.type", CosMetrics.ErrorType(error));
        }

        _duration.Record(elapsed.TotalSeconds, tags);
        if (message.Retries > 0)
        {
            _retries.Add(message.Retries, new KeyValuePair<string, object?>("cos.operation", message.Request.OperationName));
        }

        if ((message.Request.Body?.Length ?? message.SentBody?.BytesSent) is { } sent)
        {
            _requestBody.Record(sent, tags);
        }

        if (message.Response.ContentLength is { } received)
        {
            _responseBody.Record(received, tags);
        }
    }

    public void RecordTransfer(CosTransferDirection direction, TimeSpan elapsed, long? bytes, Exception? error)
    {
        var tags = new TagList { { "cos.transfer.direction", CosMetrics.Name(direction) } };
        if (error is not null)
        {
            tags.Add("error.type", CosMetrics.ErrorType(error));
        }

        _transferTime.Record(elapsed.TotalSeconds, tags);
        if (bytes is > 0)
        {
            _transferredBytes.Add(bytes.Value, tags);
        }
    }
}
