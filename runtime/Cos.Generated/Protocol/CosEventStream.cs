using System.Runtime.CompilerServices;

namespace Cos.Generated.Protocol;

/// <summary>
/// The events of a response body that is an event stream (SelectObjectContent), read from the socket as they are
/// enumerated, once. An error message in the stream (<c>:message-type</c> error, possible after a 200) throws
/// <see cref="CosException"/> with its <c>:error-code</c> and <c>:error-message</c>; a broken frame or CRC-32 throws
/// <see cref="CosEventStreamException"/>. Ending or leaving the enumeration, or disposing, releases the connection.
/// </summary>
/// <typeparam name="T">The spec's event type.</typeparam>
public sealed class CosEventStream<T> : IAsyncEnumerable<T>, IDisposable, IAsyncDisposable
    where T : class
{
    private readonly Stream _body;
    private readonly Func<CosEventMessage, T?> _decode;
    private readonly IAsyncEnumerable<T>? _events;
    private readonly int _statusCode;
    private readonly string? _requestId;
    private int _enumerated;

    /// <summary>Reads the events of <paramref name="body"/>, which the stream then owns; <paramref name="decode"/> returns null for events to skip.</summary>
    public CosEventStream(Stream body, Func<CosEventMessage, T?> decode, int statusCode, string? requestId)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(decode);
        _body = body;
        _decode = decode;
        _statusCode = statusCode;
        _requestId = requestId;
    }

    /// <summary>
    /// Events that are already values rather than bytes on a socket: a test double of a response, or the events a server
    /// (the emulator's generated server role) frames and writes. They are enumerated once, like those of a response.
    /// </summary>
    public CosEventStream(IAsyncEnumerable<T> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _body = Stream.Null;
        _decode = static _ => null;
        _events = events;
        _statusCode = 200;
    }

    /// <summary>A stream without events.</summary>
    public static CosEventStream<T> Empty => new(Stream.Null, static _ => null, 200, null);

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The events were already enumerated: they are read from the socket once.</exception>
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("The events of a response are read from the socket and can be enumerated once.");
        }

        return (_events ?? ReadAsync(cancellationToken)).GetAsyncEnumerator(cancellationToken);
    }

    /// <summary>Releases the response and its connection.</summary>
    public void Dispose() => _body.Dispose();

    /// <summary>Releases the response and its connection.</summary>
    public ValueTask DisposeAsync() => _body.DisposeAsync();

    private T? Decode(CosEventMessage message)
    {
        try
        {
            return _decode(message);
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or FormatException or OverflowException)
        {
            throw new CosResponseFormatException($"The {message.EventType} event could not be read: {ex.Message}", _statusCode, _requestId, ex);
        }
    }

    private async IAsyncEnumerable<T> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var body = _body.ConfigureAwait(false);
        var decoder = new CosEventStreamDecoder(_body, _statusCode, _requestId);
        while (await decoder.ReadAsync(cancellationToken).ConfigureAwait(false) is { } message)
        {
            if (message.MessageType == "error")
            {
                throw new CosException(_statusCode, message.Headers.GetValueOrDefault(":error-code"), message.Headers.GetValueOrDefault(":error-message"), _requestId);
            }

            if (message.MessageType is null or "event" && Decode(message) is { } value)
            {
                yield return value;
            }
        }
    }
}
