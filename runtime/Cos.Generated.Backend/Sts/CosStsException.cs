namespace Cos.Generated.Backend.Sts;

/// <summary>
/// STS refused a request (<c>{"Response":{"Error":{"Code","Message"},"RequestId"}}</c>), or answered with something
/// that is not a TencentCloud API response. The message never contains a secret.
/// </summary>
public sealed class CosStsException : Exception
{
    /// <summary>The code STS uses for a response that is not an API 3.0 JSON answer.</summary>
    public const string InvalidResponseCode = "InvalidResponse";

    /// <summary>Creates an exception for an STS error.</summary>
    public CosStsException(string code, string? errorMessage, string? requestId, int statusCode, Exception? innerException = null)
        : base(FormatMessage(code, errorMessage, requestId, statusCode), innerException)
    {
        Code = code;
        ErrorMessage = errorMessage;
        RequestId = requestId;
        StatusCode = statusCode;
    }

    /// <summary>
    /// The error code, e.g. <c>AuthFailure.SignatureFailure</c>, <c>AuthFailure.SignatureExpire</c>,
    /// <c>InvalidParameter</c>; <see cref="InvalidResponseCode"/> when the answer was not an API response.
    /// </summary>
    public string Code { get; }

    /// <summary>STS's message.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The STS <c>RequestId</c>, for Tencent Cloud support.</summary>
    public string? RequestId { get; }

    /// <summary>The HTTP status (API 3.0 answers errors with 200 too).</summary>
    public int StatusCode { get; }

    private static string FormatMessage(string code, string? errorMessage, string? requestId, int statusCode)
    {
        var text = $"STS GetFederationToken failed with {code}";
        if (!string.IsNullOrEmpty(errorMessage))
        {
            text += $": {errorMessage}";
        }

        text += $" (HTTP {statusCode}";
        return string.IsNullOrEmpty(requestId) ? text + ")" : $"{text}, RequestId {requestId})";
    }
}
