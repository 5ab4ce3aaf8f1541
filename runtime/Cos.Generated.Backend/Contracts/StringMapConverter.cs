using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cos.Generated.Backend.Contracts;

/// <summary>
/// Reads a JSON object of scalars as names and texts: strings as they are, numbers as written, booleans as
/// <c>true</c>/<c>false</c>, null as null. The JavaScript SDK passes <c>partNumber</c> and <c>Content-Length</c>
/// as numbers.
/// </summary>
internal sealed class StringMapConverter : JsonConverter<Dictionary<string, string?>>
{
    public override Dictionary<string, string?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object of names and values.");
        }

        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            map[name] = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                JsonTokenType.Null => null,
                _ => throw new JsonException($"The value of '{name}' must be a string, number, boolean or null."),
            };
        }

        return map;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, string?> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, text) in value)
        {
            if (text is null)
            {
                writer.WriteNull(name);
            }
            else
            {
                writer.WriteString(name, text);
            }
        }

        writer.WriteEndObject();
    }
}
