using System.Text.Json;

namespace Cos.Emulator.Operations.Select;

/// <summary>
/// Reads JSON records: every top-level value of the object in turn. That is one object per line for Type LINES and
/// any sequence of documents (which may span lines) for DOCUMENT, so one reader serves both.
/// </summary>
internal static class JsonRecordReader
{
    public static IEnumerable<JsonSelectRecord> Read(byte[] content)
    {
        var offset = 0;
        while (true)
        {
            var (element, consumed) = Next(content.AsSpan(offset));
            if (element is not { } value)
            {
                yield break;
            }

            offset += consumed;
            yield return new JsonSelectRecord(value);
        }
    }

    /// <summary>The next value and the bytes it took, or null at the end; a malformed document is the reader's JsonException.</summary>
    private static (JsonElement? Value, int Consumed) Next(ReadOnlySpan<byte> span)
    {
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read())
        {
            return (null, 0);
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return (document.RootElement.Clone(), (int)reader.BytesConsumed);
    }
}
