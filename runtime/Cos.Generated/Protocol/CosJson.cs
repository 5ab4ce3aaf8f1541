using System.Globalization;
using System.Text.Json;

namespace Cos.Generated.Protocol;

/// <summary>
/// The small steps the generated JSON readers take over a <see cref="Utf8JsonReader"/>. Every value reader expects the
/// reader on the value's first token and leaves it on the value's last (as <see cref="Utf8JsonReader.Skip"/> does);
/// a token of the wrong kind is a <see cref="JsonException"/> that names what was expected.
/// </summary>
public static class CosJson
{
    /// <summary>Checks that the reader is on the start of an object.</summary>
    public static void StartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Expected("an object", ref reader);
        }
    }

    /// <summary>
    /// Moves to the next property of the object being read and onto its value; false (on the object's end) when there
    /// are no more.
    /// </summary>
    public static bool NextProperty(ref Utf8JsonReader reader, out string name)
    {
        Read(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = string.Empty;
            return false;
        }

        name = reader.GetString()!;
        Read(ref reader);
        return true;
    }

    /// <summary>True on the start of an array (then read items with <see cref="NextItem"/>); false on any other value.</summary>
    public static bool StartList(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.StartArray;

    /// <summary>Moves onto the next item of the array being read; false (on the array's end) when there are no more.</summary>
    public static bool NextItem(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        return reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>Checks that nothing but whitespace follows the document's value.</summary>
    public static void EndDocument(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException("The JSON document has more than one value.");
        }
    }

    /// <summary>Reads a string.</summary>
    public static string GetString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Expected("a string", ref reader);

    /// <summary>Reads <c>true</c>/<c>false</c>, or the same as a string.</summary>
    public static bool GetBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String => CosWireFormat.ParseBoolean(reader.GetString()!),
        _ => throw Expected("true or false", ref reader),
    };

    /// <summary>Reads an integer, written as a number or, as COS sometimes does, as a string.</summary>
    public static int GetInt32(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
        JsonTokenType.String => CosWireFormat.ParseInt32(reader.GetString()!),
        _ => throw Expected("a 32-bit integer", ref reader),
    };

    /// <summary>Reads an integer, written as a number or a string.</summary>
    public static long GetInt64(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt64(out var value) => value,
        JsonTokenType.String => CosWireFormat.ParseInt64(reader.GetString()!),
        _ => throw Expected("a 64-bit integer", ref reader),
    };

    /// <summary>Reads an unsigned integer, written as a number or a string.</summary>
    public static ulong GetUInt64(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetUInt64(out var value) => value,
        JsonTokenType.String => CosWireFormat.ParseUInt64(reader.GetString()!),
        _ => throw Expected("an unsigned 64-bit integer", ref reader),
    };

    private static void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON document ended inside a value.");
        }
    }

    private static JsonException Expected(string what, ref Utf8JsonReader reader) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Expected {what} but found {reader.TokenType} at byte {reader.TokenStartIndex}."));
}
