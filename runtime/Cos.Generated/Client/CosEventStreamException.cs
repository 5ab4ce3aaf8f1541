namespace Cos.Generated;

/// <summary>
/// An event stream (SelectObjectContent's response) is not what its framing says: a CRC-32 of a message's prelude or
/// of the whole message does not match, a length is impossible, or the stream ends inside a message.
/// </summary>
public sealed class CosEventStreamException : CosException
{
    /// <summary>Creates the exception.</summary>
    public CosEventStreamException(string message, int statusCode, string? requestId, uint? expectedCrc32 = null, uint? actualCrc32 = null)
        : base(statusCode, "InvalidEventStream", message, requestId)
    {
        ExpectedCrc32 = expectedCrc32;
        ActualCrc32 = actualCrc32;
    }

    /// <summary>The CRC-32 the message carries, when a checksum failed.</summary>
    public uint? ExpectedCrc32 { get; }

    /// <summary>The CRC-32 of the bytes that arrived, when a checksum failed.</summary>
    public uint? ActualCrc32 { get; }
}
