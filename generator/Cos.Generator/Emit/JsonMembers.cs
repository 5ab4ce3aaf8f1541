using System.Collections.Generic;
using System.Linq;
using Cos.Generator.Model;

namespace Cos.Generator.Emit;

/// <summary>
/// Straight-line JSON reading and writing of a structure's members over <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c>.
/// The System.Text.Json source generator cannot see this generator's types (generators do not see each other's
/// output), and the reflection-based serializer is not trim-safe, so the code is written out here.
/// </summary>
internal static class JsonMembers
{
    private const string TokenType = "global::System.Text.Json.JsonTokenType";

    /// <summary>The statements of a <c>Read(ref Utf8JsonReader reader)</c> that returns <paramref name="type"/>.</summary>
    public static void Read(SourceWriter w, string type, IReadOnlyList<MemberModel> members)
    {
        foreach (var m in members)
        {
            var local = m.Type.Kind == TypeKind.List ? $"global::System.Collections.Generic.List<{TypeNames.Of(m.Type.Element!)}>?" : TypeNames.Of(m.Type) + "?";
            w.Line($"{local} {TypeNames.Local(m.Name, "Json")} = null;");
        }

        w.Line($"{TypeNames.Json}.StartObject(ref reader);");
        using (w.Block($"while ({TypeNames.Json}.NextProperty(ref reader, out var name))"))
        {
            w.Line("// A null value is an absent property.");
            w.Line($"if (reader.TokenType == {TokenType}.Null) continue;");
            w.Line("// Matched ignoring case: CAM writes policy keys both ways (Statement, statement).");
            using (w.Block("switch (name.ToLowerInvariant())"))
            {
                foreach (var m in members)
                {
                    w.Line($"case {TypeNames.Literal(m.WireName.ToLowerInvariant())}:");
                    w.Indent();
                    var local = TypeNames.Local(m.Name, "Json");
                    if (m.Type.Kind != TypeKind.List)
                    {
                        w.Line($"{local} = {ReadValue(m, m.Type)};");
                    }
                    else
                    {
                        var item = ReadValue(m, m.Type.Element!);
                        w.Line($"{local} = new();");
                        using (w.Block($"if ({TypeNames.Json}.StartList(ref reader))"))
                        {
                            w.Line($"while ({TypeNames.Json}.NextItem(ref reader)) {local}.Add({item});");
                        }

                        using (w.Block("else"))
                        {
                            w.Line("// A lone value where a list is expected: CAM takes \"Action\": \"x\" as well as [\"x\"].");
                            w.Line($"{local}.Add({item});");
                        }
                    }

                    w.Line("break;");
                    w.Dedent();
                }

                w.Line("default:");
                w.Line("    reader.Skip();");
                w.Line("    break;");
            }
        }

        w.Line($"return new {type}");
        w.Line("{");
        w.Indent();
        foreach (var m in members)
        {
            var local = TypeNames.Local(m.Name, "Json");
            if (m.Type.Kind == TypeKind.List)
            {
                var element = TypeNames.Of(m.Type.Element!);
                w.Line($"{m.Name} = ({TypeNames.List}<{element}>?){local} ?? global::System.Array.Empty<{element}>(),");
            }
            else if (!m.Required)
            {
                w.Line($"{m.Name} = {local},");
            }
            else if (m.Type.Kind == TypeKind.String)
            {
                w.Line($"{m.Name} = {local} ?? string.Empty,");
            }
            else if (TypeNames.IsValueType(m.Type))
            {
                w.Line($"{m.Name} = {local} ?? default,");
            }
            else
            {
                w.Line($"{m.Name} = {local} ?? throw new global::System.Text.Json.JsonException(\"The property \\\"{m.WireName}\\\" is missing.\"),");
            }
        }

        w.Dedent();
        w.Line("};");
    }

    /// <summary>Writes <paramref name="source"/> as a JSON object; values outside a member's range are refused.</summary>
    public static void Write(SourceWriter w, IReadOnlyList<MemberModel> members, string source, string owner)
    {
        w.Line("writer.WriteStartObject();");
        foreach (var m in members)
        {
            var access = $"{source}.{m.Name}";
            var nonNull = m.Required && m.Type.Kind != TypeKind.List ? access : TypeNames.Local(m.Name, "Value");
            var guard = nonNull == access ? null : $"if ({access} is {{ }} {nonNull})";
            if (guard is not null)
            {
                w.Open(guard);
            }

            if (Ranges.Check(m, nonNull, $"{owner}.{m.Name}") is { } check)
            {
                w.Line(check);
            }

            w.Line($"writer.WritePropertyName({TypeNames.Literal(m.WireName)});");
            if (m.Type.Kind == TypeKind.List)
            {
                w.Line("writer.WriteStartArray();");
                w.Line($"foreach (var item in {nonNull}) {WriteValue(m, m.Type.Element!, "item")}");
                w.Line("writer.WriteEndArray();");
            }
            else
            {
                w.Line(WriteValue(m, m.Type, nonNull));
            }

            if (guard is not null)
            {
                w.Close();
            }
        }

        w.Line("writer.WriteEndObject();");
    }

    private static string ReadValue(MemberModel m, TypeRef type) => type.Kind switch
    {
        TypeKind.Structure => $"{type.ShapeName}Json.Read(ref reader)",
        TypeKind.Json => $"{TypeNames.JsonElement}.ParseValue(ref reader)",
        TypeKind.Boolean => $"{TypeNames.Json}.GetBoolean(ref reader)",
        TypeKind.Int32 => $"{TypeNames.Json}.GetInt32(ref reader)",
        TypeKind.Int64 => $"{TypeNames.Json}.GetInt64(ref reader)",
        TypeKind.UInt64 => $"{TypeNames.Json}.GetUInt64(ref reader)",
        TypeKind.Timestamp when m.Format == TimestampFormat.UnixSeconds => $"global::System.DateTimeOffset.FromUnixTimeSeconds({TypeNames.Json}.GetInt64(ref reader))",
        _ => TypeNames.Parse(m, type, $"{TypeNames.Json}.GetString(ref reader)"),
    };

    private static string WriteValue(MemberModel m, TypeRef type, string value) => type.Kind switch
    {
        TypeKind.Structure => $"{type.ShapeName}Json.Write(writer, {value});",
        TypeKind.Json => $"{value}.WriteTo(writer);",
        TypeKind.Boolean => $"writer.WriteBooleanValue({value});",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.UInt64 => $"writer.WriteNumberValue({value});",
        TypeKind.Timestamp when m.Format == TimestampFormat.UnixSeconds => $"writer.WriteNumberValue({value}.ToUnixTimeSeconds());",
        _ => $"writer.WriteStringValue({TypeNames.Format(m, type, value)});",
    };
}
