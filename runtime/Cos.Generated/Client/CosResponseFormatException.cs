namespace Cos.Generated;

/// <summary>A response could not be read: malformed, truncated, hostile or oversized XML, or a bad header value.</summary>
public sealed class CosResponseFormatException : CosException
{
    /// <summary>Creates the exception.</summary>
    public CosResponseFormatException(string message, int statusCode, string? requestId, Exception? innerException = null)
        : base(statusCode, "InvalidResponse", message, requestId, innerException: innerException)
    {
    }
}
