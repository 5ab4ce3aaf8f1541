namespace Cos.Generated.Protocol;

/// <summary>Header names the runtime itself reads or writes.</summary>
public static class CosHeaders
{
    /// <summary><c>x-cos-request-id</c>.</summary>
    public const string RequestId = "x-cos-request-id";

    /// <summary><c>x-cos-trace-id</c>.</summary>
    public const string TraceId = "x-cos-trace-id";

    /// <summary><c>x-cos-error-code</c>: the error code of a response without an error body (a HEAD).</summary>
    public const string ErrorCode = "x-cos-error-code";

    /// <summary><c>x-cos-security-token</c>: a temporary key's token, sent but never signed.</summary>
    public const string SecurityToken = "x-cos-security-token";

    /// <summary><c>x-cos-sdk-retry</c>: marks a retried request.</summary>
    public const string SdkRetry = "x-cos-sdk-retry";

    /// <summary><c>Authorization</c>.</summary>
    public const string Authorization = "Authorization";

    /// <summary><c>Content-MD5</c>.</summary>
    public const string ContentMd5 = "Content-MD5";

    /// <summary><c>Content-Type</c>.</summary>
    public const string ContentType = "Content-Type";

    /// <summary><c>Content-Length</c>.</summary>
    public const string ContentLength = "Content-Length";
}
