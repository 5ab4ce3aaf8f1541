using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Cos.Generated.Protocol;

/// <summary>
/// Reads the messages of a COS event stream (SelectObjectContent), big-endian:
/// <c>[total u32][headers u32][prelude CRC-32 u32][headers][payload][message CRC-32 u32]</c>, each header
/// <c>[name length u8][name][type u8][value]</c>. Both CRC-32s are checked (neither official SDK does); a mismatch, an
/// impossible length or a stream that ends inside a message is a <see cref="CosEventStreamException"/>.
/// </summary>
internal sealed class CosEventStreamDecoder(Stream stream, int statusCode, string? requestId)
{
    /// <summary>The largest message accepted (COS sends records in chunks far below this); more is a broken length.</summary>
    internal const int MaxMessageBytes = 16 * 1024 * 1024;

    private const int PreludeBytes = 12;
    private const int OverheadBytes = PreludeBytes + 4;

    private readonly byte[] _prelude = new byte[PreludeBytes];

    /// <summary>Reads the next message; null when the stream ends cleanly between messages.</summary>
    public async ValueTask<CosEventMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        var read = await stream.ReadAtLeastAsync(_prelude, PreludeBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }

        if (read < PreludeBytes)
        {
            throw Broken($"The event stream ended inside a message prelude ({read} of {PreludeBytes} bytes).");
        }

        var total = BinaryPrimitives.ReadUInt32BigEndian(_prelude);
        var headersLength = BinaryPrimitives.ReadUInt32BigEndian(_prelude.AsSpan(4));
        var preludeCrc = BinaryPrimitives.ReadUInt32BigEndian(_prelude.AsSpan(8));
        var actualPreludeCrc = Crc32.HashToUInt32(_prelude.AsSpan(0, 8));
        if (actualPreludeCrc != preludeCrc)
        {
            throw new CosEventStreamException($"The prelude CRC-32 of an event-stream message is {actualPreludeCrc:x8}, but the message says {preludeCrc:x8}.", statusCode, requestId, preludeCrc, actualPreludeCrc);
        }

        if (total < OverheadBytes || total > MaxMessageBytes || headersLength > total - OverheadBytes)
        {
            throw Broken($"An event-stream message declares {total} bytes with {headersLength} bytes of headers.");
        }

        var message = ArrayPool<byte>.Shared.Rent((int)total);
        try
        {
            _prelude.CopyTo(message, 0);
            var rest = (int)total - PreludeBytes;
            read = await stream.ReadAtLeastAsync(message.AsMemory(PreludeBytes, rest), rest, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read < rest)
            {
                throw Broken($"The event stream ended inside a message ({PreludeBytes + read} of {total} bytes).");
            }

            var body = message.AsSpan(0, (int)total);
            var messageCrc = BinaryPrimitives.ReadUInt32BigEndian(body[^4..]);
            var actualMessageCrc = Crc32.HashToUInt32(body[..^4]);
            if (actualMessageCrc != messageCrc)
            {
                throw new CosEventStreamException($"The CRC-32 of an event-stream message is {actualMessageCrc:x8}, but the message says {messageCrc:x8}.", statusCode, requestId, messageCrc, actualMessageCrc);
            }

            var headers = ReadHeaders(body.Slice(PreludeBytes, (int)headersLength));
            var payload = body[(PreludeBytes + (int)headersLength)..^4].ToArray();
            return new CosEventMessage(headers, payload);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }

    private Dictionary<string, string> ReadHeaders(ReadOnlySpan<byte> span)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        while (!span.IsEmpty)
        {
            var nameLength = span[0];
            if (span.Length < 1 + nameLength + 1)
            {
                throw Broken("An event-stream header runs past the headers.");
            }

            var name = Encoding.UTF8.GetString(span.Slice(1, nameLength));
            var type = span[1 + nameLength];
            span = span[(2 + nameLength)..];

            // Only strings (7) carry what COS sends; the other types of the framing are skipped by their sizes.
            var size = type switch
            {
                0 or 1 => 0,
                2 => 1,
                3 => 2,
                4 => 4,
                5 or 8 => 8,
                9 => 16,
                6 or 7 when span.Length >= 2 => 2 + BinaryPrimitives.ReadUInt16BigEndian(span),
                _ => -1,
            };
            if (size < 0 || size > span.Length)
            {
                throw Broken($"The event-stream header '{name}' has type {type} or a length past the headers.");
            }

            if (type == 7)
            {
                headers[name] = Encoding.UTF8.GetString(span[2..size]);
            }

            span = span[size..];
        }

        return headers;
    }

    private CosEventStreamException Broken(string message) => new(message, statusCode, requestId);
}
