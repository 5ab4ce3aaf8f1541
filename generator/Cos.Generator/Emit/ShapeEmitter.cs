using Cos.Generator.Model;

namespace Cos.Generator.Emit;

/// <summary>A structure shape: an immutable record plus its XML reader and writer.</summary>
internal static class ShapeEmitter
{
    public static string Emit(ServiceModel service, StructureModel shape)
    {
        var w = FileHeader.Start(service.Namespace);
        Docs.FromSpec(w, shape.Doc, $"The <c>{shape.Name}</c> structure.");
        using (w.Block($"public sealed partial record {shape.Name}"))
        {
            Docs.Properties(w, shape.Members, Property);
        }

        w.Line();
        Docs.Summary(w, $"Reads and writes <see cref=\"{shape.Name}\"/> as XML.");
        using (w.Block($"internal static class {shape.Name}Xml"))
        {
            EmitXmlMethods(w, shape);
        }

        return w.ToString();
    }

    /// <summary>The reader and writer of a shape, shared with the server's half (<see cref="ServerEmitter"/>).</summary>
    internal static void EmitXmlMethods(SourceWriter w, StructureModel shape)
    {
        Docs.Summary(w, "Reads the element the reader is on.");
        using (w.Block($"public static {shape.Name} Read(global::System.Xml.XmlReader reader)"))
        {
            XmlMembers.DeclareLocals(w, shape.Members);
            XmlMembers.ReadLoop(w, [.. shape.Members]);
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
        Docs.Summary(w, "Writes the members as child elements of the element the writer is in.");
        using (w.Block($"public static void WriteMembers(global::System.Xml.XmlWriter writer, {shape.Name} value)"))
        {
            XmlMembers.Write(w, shape.Members, "value");
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
