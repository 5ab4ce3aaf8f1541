namespace Cos.Generated.Protocol;

/// <summary>One message of an event stream, its two CRC-32s checked: its string headers and its payload.</summary>
public sealed class CosEventMessage
{
    internal CosEventMessage(IReadOnlyDictionary<string, string> headers, ReadOnlyMemory<byte> payload)
    {
        Headers = headers;
        Payload = payload;
    }

    /// <summary>The headers whose value is a string (type 7), by name (<c>:message-type</c>, <c>:event-type</c>…).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The payload bytes.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary><c>:message-type</c>: <c>event</c> or <c>error</c>.</summary>
    public string? MessageType => Headers.GetValueOrDefault(":message-type");

    /// <summary><c>:event-type</c>: <c>Records</c>, <c>Stats</c>, <c>End</c>…</summary>
    public string? EventType => Headers.GetValueOrDefault(":event-type");
}
