namespace Cos.Generated;

/// <summary>
/// COS answered with an error: a non-2xx status, or a 2xx whose body is an <c>&lt;Error&gt;</c>
/// (copy and complete can fail that way).
/// </summary>
public class CosException : Exception
{
    /// <summary>Creates an exception for an error response.</summary>
    public CosException(int statusCode, string? errorCode, string? errorMessage, string? requestId, string? traceId = null, string? resource = null, Exception? innerException = null)
        : base(FormatMessage(statusCode, errorCode, errorMessage, requestId), innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RequestId = requestId;
        TraceId = traceId;
        Resource = resource;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>
    /// The COS error <c>Code</c> (<c>NoSuchKey</c>, see <c>CosErrorCodes</c>); for bodiless responses
    /// such as HEAD, the status code as text (<c>"404"</c>), as the official SDKs report it.
    /// </summary>
    public string? ErrorCode { get; }

    /// <summary>The COS error <c>Message</c>, or the HTTP reason phrase.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The <c>x-cos-request-id</c> of the failed request.</summary>
    public string? RequestId { get; }

    /// <summary>The <c>TraceId</c> from the error body.</summary>
    public string? TraceId { get; }

    /// <summary>The <c>Resource</c> from the error body.</summary>
    public string? Resource { get; }

    private static string FormatMessage(int statusCode, string? errorCode, string? errorMessage, string? requestId)
    {
        var text = $"COS returned {statusCode}";
        if (!string.IsNullOrEmpty(errorCode))
        {
            text += $" {errorCode}";
        }

        if (!string.IsNullOrEmpty(errorMessage))
        {
            text += $": {errorMessage}";
        }

        return string.IsNullOrEmpty(requestId) ? text : $"{text} (request id {requestId})";
    }
}
