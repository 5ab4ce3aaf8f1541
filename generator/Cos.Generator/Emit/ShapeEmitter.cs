using Cos.Generator.Model;

namespace Cos.Generator.Emit;

/// <summary>A structure shape: an immutable record plus the codecs where it is used (XML, JSON or both).</summary>
internal static class ShapeEmitter
{
    public static string Emit(ServiceModel service, StructureModel shape)
    {
        var w = FileHeader.Start(service.Namespace);
        Docs.FromSpec(w, shape.Doc, $"The <c>{shape.Name}</c> structure.");
        using (w.Block($"public sealed partial record {shape.Name}"))
        {
            Docs.Properties(w, shape.Members, Property, checkedBeforeSending: true, json: shape.Json && !shape.Xml);
        }

        if (shape.Xml)
        {
            w.Line();
            EmitXml(w, shape);
        }

        if (shape.Json)
        {
            w.Line();
            EmitJson(w, shape);
        }

        return w.ToString();
    }

    private static void EmitXml(SourceWriter w, StructureModel shape)
    {
        Docs.Summary(w, $"Reads and writes <see cref=\"{shape.Name}\"/> as XML.");
        using (w.Block($"internal static class {shape.Name}Xml"))
        {
            EmitXmlMethods(w, shape);
        }
    }

    private static void EmitJson(SourceWriter w, StructureModel shape)
    {
        Docs.Summary(w, $"Reads and writes <see cref=\"{shape.Name}\"/> as a JSON object.");
        using (w.Block($"internal static class {shape.Name}Json"))
        {
            EmitJsonMethods(w, shape);
        }
    }

    /// <summary>The JSON reader and writer of a shape, shared with the server's half (<see cref="ServerEmitter"/>).</summary>
    internal static void EmitJsonMethods(SourceWriter w, StructureModel shape)
    {
        {
            Docs.Summary(w, "Reads the object the reader is on; leaves the reader on its end.");
            using (w.Block($"public static {shape.Name} Read(ref global::System.Text.Json.Utf8JsonReader reader)"))
            {
                JsonMembers.Read(w, shape.Name, [.. shape.Members]);
            }

            w.Line();
            Docs.Summary(w, "Writes the value as a JSON object.");
            using (w.Block($"public static void Write(global::System.Text.Json.Utf8JsonWriter writer, {shape.Name} value)"))
            {
                JsonMembers.Write(w, [.. shape.Members], "value", shape.Name);
            }
        }
    }

    /// <summary>The reader and writer of a shape, shared with the server's half (<see cref="ServerEmitter"/>).</summary>
    internal static void EmitXmlMethods(SourceWriter w, StructureModel shape)
    {
        Docs.Summary(w, "Reads the element the reader is on.");
        using (w.Block($"public static {shape.Name} Read(global::System.Xml.XmlReader reader)"))
        {
            XmlMembers.DeclareLocals(w, shape.Members);
            XmlMembers.ReadElement(w, [.. shape.Members]);
            w.Line($"return new {shape.Name}");
            w.Line("{");
            w.Indent();
            foreach (var m in shape.Members)
            {
                w.Line(XmlMembers.Assignment(m));
            }

            w.Dedent();
            w.Line("};");
        }

        w.Line();
        Docs.Summary(w, "Writes the members into the element the writer is in: attributes, then text or child elements.");
        using (w.Block($"public static void WriteMembers(global::System.Xml.XmlWriter writer, {shape.Name} value)"))
        {
            XmlMembers.Write(w, shape.Members, "value", shape.Name);
        }
    }

    private static string Property(MemberModel m)
    {
        var type = TypeNames.Of(m.Type);
        if (m.Type.Kind == TypeKind.List)
        {
            return m.Required
                ? $"public required {type} {m.Name} {{ get; init; }}"
                : $"public {type} {m.Name} {{ get; init; }} = global::System.Array.Empty<{TypeNames.Of(m.Type.Element!)}>();";
        }

        return m.Required ? $"public required {type} {m.Name} {{ get; init; }}" : $"public {type}? {m.Name} {{ get; init; }}";
    }
}
