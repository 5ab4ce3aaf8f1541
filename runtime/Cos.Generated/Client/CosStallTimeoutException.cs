using System.Globalization;

namespace Cos.Generated;

/// <summary>
/// A body stopped moving for <see cref="CosClientOptions.StallTimeout"/>: no byte of the response arrived while the
/// client was waiting for one, or the server took no byte of the request body; the connection was closed.
/// Transient: retried like a broken connection where the operation allows it (ranged download parts resume
/// from the last byte received).
/// </summary>
public sealed class CosStallTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for a body of <paramref name="operationName"/> that stalled after <paramref name="bytesTransferred"/> bytes.</summary>
    public CosStallTimeoutException(string operationName, TimeSpan stallTimeout, long bytesTransferred, bool isRequestBody = false, Exception? innerException = null)
        : base(FormatMessage(operationName, stallTimeout, bytesTransferred, isRequestBody), innerException)
    {
        OperationName = operationName;
        StallTimeout = stallTimeout;
        BytesTransferred = bytesTransferred;
        IsRequestBody = isRequestBody;
    }

    /// <summary>The operation whose body stalled (<c>GetObject</c>, <c>UploadPart</c>, …).</summary>
    public string OperationName { get; }

    /// <summary>The stall timeout in force (<see cref="CosClientOptions.StallTimeout"/>).</summary>
    public TimeSpan StallTimeout { get; }

    /// <summary>How many bytes of the body had moved (been received, or taken by the connection) before it stalled.</summary>
    public long BytesTransferred { get; }

    /// <summary>True when the server stopped taking the request body; false when the response body stopped arriving.</summary>
    public bool IsRequestBody { get; }

    private static string FormatMessage(string operationName, TimeSpan stallTimeout, long bytesTransferred, bool isRequestBody) => isRequestBody
        ? string.Create(CultureInfo.InvariantCulture, $"The {operationName} request body stalled: the server took no data for {stallTimeout.TotalSeconds:0.###} s after {bytesTransferred} bytes (CosClientOptions.StallTimeout), so the connection was closed.")
        : string.Create(CultureInfo.InvariantCulture, $"The {operationName} response body stalled: no data arrived for {stallTimeout.TotalSeconds:0.###} s after {bytesTransferred} bytes (CosClientOptions.StallTimeout), so the connection was closed.");
}
