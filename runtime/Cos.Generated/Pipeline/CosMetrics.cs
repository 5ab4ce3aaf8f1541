using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cos.Generated.Transfer;

namespace Cos.Generated.Pipeline;

/// <summary>
/// The client's metrics: a <see cref="Meter"/> named like its <see cref="ActivitySource"/> (<c>Cos.Generated</c>) with
/// operation durations, retries and body sizes recorded by the pipeline, and bytes and durations of the high-level
/// transfers. Modelled on OpenTelemetry's HTTP client semantic conventions (<c>http.client.request.duration</c> and the
/// body-size histograms) in a <c>cos.client.*</c> namespace; tags never carry object keys. Nothing is measured while no
/// listener enabled an instrument. The meter is one static meter of the process unless
/// <see cref="CosClientOptions.MeterFactory"/> gives the client its own; see docs/observability.md.
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
