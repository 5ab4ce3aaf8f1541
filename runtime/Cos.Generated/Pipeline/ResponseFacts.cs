using Cos.Generated.Protocol;

namespace Cos.Generated.Pipeline;

/// <summary>What one try learnt from the response headers, for the retry, clock-skew and tracing decisions.</summary>
internal sealed class ResponseFacts
{
    public int? StatusCode { get; private set; }

    public string? RequestId { get; private set; }

    public DateTimeOffset? ServerDate { get; private set; }

    public TimeSpan? RetryAfter { get; private set; }

    /// <summary>The response body's <c>Content-Length</c>, when it has one.</summary>
    public long? ContentLength { get; private set; }

    public void Reset()
    {
        StatusCode = null;
        RequestId = null;
        ServerDate = null;
        RetryAfter = null;
        ContentLength = null;
    }

    public void Capture(HttpResponseMessage response)
    {
        StatusCode = (int)response.StatusCode;
        RequestId = Header(response, CosHeaders.RequestId);
        ServerDate = response.Headers.Date;
        ContentLength = response.Content.Headers.ContentLength;
        var retryAfter = response.Headers.RetryAfter;

        // An absolute Retry-After is measured against the server's own Date, so local clock skew does not matter.
        RetryAfter = retryAfter?.Delta ?? (retryAfter?.Date is { } date && ServerDate is { } serverDate ? date - serverDate : null);
        if (RetryAfter < TimeSpan.Zero)
        {
            RetryAfter = TimeSpan.Zero;
        }
    }

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) || response.Content.Headers.NonValidated.TryGetValues(name, out values)
            ? values.ToString()
            : null;
}
