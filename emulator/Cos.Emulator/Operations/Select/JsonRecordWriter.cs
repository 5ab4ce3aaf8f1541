using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Cos.Emulator.Operations.Select;

/// <summary>
/// Writes result records as JSON objects, one per record, each followed by the RecordDelimiter (a newline by default).
/// Numbers and booleans keep their JSON types; a nested object or array is written as it was read.
/// </summary>
internal sealed class JsonRecordWriter(string recordDelimiter) : ISelectRecordWriter
{
    public void Write(StringBuilder output, IReadOnlyList<(string Name, SqlValue Value)> record)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in record)
            {
                writer.WritePropertyName(name);
                switch (value.Kind)
                {
                    case SqlKind.Null:
                        writer.WriteNullValue();
                        break;
                    case SqlKind.Int or SqlKind.Decimal:
                        writer.WriteNumberValue(value.Number);
                        break;
                    case SqlKind.Boolean:
                        writer.WriteBooleanValue(value.Boolean);
                        break;
                    case SqlKind.Json:
                        writer.WriteRawValue(value.Text!, skipInputValidation: true);
                        break;
                    default:
                        writer.WriteStringValue(value.Text);
                        break;
                }
            }

            writer.WriteEndObject();
        }

        output.Append(Encoding.UTF8.GetString(buffer.WrittenSpan)).Append(recordDelimiter);
    }
}
