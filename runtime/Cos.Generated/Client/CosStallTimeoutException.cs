using System.Globalization;

namespace Cos.Generated;

/// <summary>
/// A response body stopped arriving: no byte came for <see cref="CosClientOptions.StallTimeout"/> while the client
/// was waiting for one, so the connection was closed. Transient: retried like a broken connection where the
/// operation allows it (ranged download parts resume from the last byte received).
/// </summary>
public sealed class CosStallTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for the body of <paramref name="operationName"/>'s response.</summary>
    public CosStallTimeoutException(string operationName, TimeSpan stallTimeout, long bytesReceived, Exception? innerException = null)
        : base(FormatMessage(operationName, stallTimeout, bytesReceived), innerException)
    {
        OperationName = operationName;
        StallTimeout = stallTimeout;
        BytesReceived = bytesReceived;
    }

    /// <summary>The operation whose response body stalled (<c>GetObject</c>, …).</summary>
    public string OperationName { get; }

    /// <summary>The stall timeout in force (<see cref="CosClientOptions.StallTimeout"/>).</summary>
    public TimeSpan StallTimeout { get; }

    /// <summary>How many bytes of the body had arrived before it stalled.</summary>
    public long BytesReceived { get; }

    private static string FormatMessage(string operationName, TimeSpan stallTimeout, long bytesReceived) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"The {operationName} response body stalled: no data arrived for {stallTimeout.TotalSeconds:0.###} s after {bytesReceived} bytes (CosClientOptions.StallTimeout), so the connection was closed.");
}
