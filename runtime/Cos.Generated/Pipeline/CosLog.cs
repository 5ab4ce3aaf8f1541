using Microsoft.Extensions.Logging;

namespace Cos.Generated.Pipeline;

/// <summary>
/// Every log message of the client (category <c>Cos.Generated</c>, through <see cref="CosClientOptions.LoggerFactory"/>),
/// source-generated with stable event ids: 1xxx requests, 2xxx retries and corrections, 3xxx transfers. Messages carry
/// operation names, buckets, keys, paths without query strings, status codes, request ids and COS error codes; never
/// a secret key, security token, signature or presigned query (tests/Cos.Generated.Tests/Observability).
/// </summary>
internal static partial class CosLog
{
    /// <summary>The logger category: the same name as the meter and the activity source.</summary>
    public const string Category = CosTracing.SourceName;

    [LoggerMessage(EventId = 1001, EventName = "RequestStarting", Level = LogLevel.Debug,
        Message = "{Operation} {Method} {Bucket} {Path} starting")]
    public static partial void RequestStarting(ILogger logger, string operation, string method, string? bucket, string path);

    [LoggerMessage(EventId = 1002, EventName = "RequestCompleted", Level = LogLevel.Debug,
        Message = "{Operation} {Bucket} {Key} answered {StatusCode} after {Attempts} attempt(s) in {DurationMs} ms (request id {RequestId})")]
    public static partial void RequestCompleted(ILogger logger, string operation, string? bucket, string? key, int? statusCode, int attempts, double durationMs, string? requestId);

    [LoggerMessage(EventId = 1003, EventName = "RequestFailed", Level = LogLevel.Debug,
        Message = "{Operation} {Bucket} {Key} failed with {ErrorType} ({StatusCode}) after {Attempts} attempt(s) in {DurationMs} ms (request id {RequestId})")]
    public static partial void RequestFailed(ILogger logger, string operation, string? bucket, string? key, string errorType, int? statusCode, int attempts, double durationMs, string? requestId);

    [LoggerMessage(EventId = 2001, EventName = "Retrying", Level = LogLevel.Information,
        Message = "{Operation} failed with {ErrorType} ({StatusCode}, request id {RequestId}); retry {Retry} of {MaxRetries} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, string errorType, int? statusCode, string? requestId, int retry, int maxRetries, double delayMs);

    [LoggerMessage(EventId = 2002, EventName = "ClockSkewCorrected", Level = LogLevel.Warning,
        Message = "{Operation}: COS says the request time is off; signing with the server's clock from now on (offset {OffsetSeconds} s)")]
    public static partial void ClockSkewCorrected(ILogger logger, string operation, double offsetSeconds);

    [LoggerMessage(EventId = 2003, EventName = "StaleKeyRefreshed", Level = LogLevel.Information,
        Message = "{Operation}: COS refused the temporary key with {ErrorType}; trying once more with a fresh one")]
    public static partial void StaleKeyRefreshed(ILogger logger, string operation, string errorType);

    [LoggerMessage(EventId = 2004, EventName = "SwitchingToBackupHost", Level = LogLevel.Warning,
        Message = "{Operation} failed with {ErrorType} ({StatusCode}) without reaching COS; the next try goes to the backup host {Host}")]
    public static partial void SwitchingToBackupHost(ILogger logger, string operation, string errorType, int? statusCode, string host);

    [LoggerMessage(EventId = 3001, EventName = "TransferStarted", Level = LogLevel.Information,
        Message = "{Direction} {Bucket} {Key} started")]
    public static partial void TransferStarted(ILogger logger, string direction, string bucket, string key);

    [LoggerMessage(EventId = 3002, EventName = "TransferCompleted", Level = LogLevel.Information,
        Message = "{Direction} {Bucket} {Key} completed: {Bytes} bytes in {DurationMs} ms ({BytesPerSecond} B/s)")]
    public static partial void TransferCompleted(ILogger logger, string direction, string bucket, string key, long bytes, double durationMs, double bytesPerSecond);

    [LoggerMessage(EventId = 3003, EventName = "TransferFailed", Level = LogLevel.Warning,
        Message = "{Direction} {Bucket} {Key} failed with {ErrorType} after {DurationMs} ms")]
    public static partial void TransferFailed(ILogger logger, string direction, string bucket, string key, string errorType, double durationMs);

    [LoggerMessage(EventId = 3004, EventName = "UploadPartCompleted", Level = LogLevel.Debug,
        Message = "upload {Bucket} {Key}: part {PartNumber} ({Bytes} bytes) of multipart upload {UploadId} sent")]
    public static partial void UploadPartCompleted(ILogger logger, string bucket, string key, int partNumber, long bytes, string uploadId);
}
