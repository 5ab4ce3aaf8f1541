using System.Collections.Generic;
using System.Linq;
using Cos.Generator.Model;

namespace Cos.Generator.Emit;

/// <summary>Straight-line XML reading and writing of body members, shared by shapes and operation bodies.</summary>
internal static class XmlMembers
{
    /// <summary>Declares one local per member, to be filled by <see cref="ReadElement"/>.</summary>
    public static void DeclareLocals(SourceWriter w, IEnumerable<MemberModel> members)
    {
        foreach (var m in members)
        {
            var type = m.Type.Kind switch
            {
                TypeKind.List => $"global::System.Collections.Generic.List<{TypeNames.Of(m.Type.Element!)}>?",
                _ => TypeNames.Of(m.Type) + "?",
            };
            w.Line($"{type} {TypeNames.Local(m.Name, "Xml")} = null;");
        }
    }

    /// <summary>
    /// Reads the element the reader is on into the locals: its attributes first (the reader is still on the start tag),
    /// then its own text or its children.
    /// </summary>
    public static void ReadElement(SourceWriter w, IReadOnlyList<MemberModel> members)
    {
        foreach (var m in members.Where(m => m.XmlAttribute))
        {
            var attribute = TypeNames.Local(m.Name, "Attribute");
            var get = m.XmlNamespace is null
                ? $"reader.GetAttribute({TypeNames.Literal(m.WireName)})"
                : $"reader.GetAttribute({TypeNames.Literal(LocalName(m.WireName))}, {TypeNames.Literal(m.XmlNamespace)})";
            w.Line($"if ({get} is {{ }} {attribute}) {TypeNames.Local(m.Name, "Xml")} = {TypeNames.Parse(m, m.Type, attribute)};");
        }

        if (members.FirstOrDefault(m => m.XmlText) is { } text)
        {
            w.Line($"{TypeNames.Local(text.Name, "Xml")} = {TypeNames.Parse(text, text.Type, $"{TypeNames.Xml}.ReadText(reader)")};");
            return;
        }

        ReadLoop(w, members.Where(m => m.IsXmlElement).ToList());
    }

    /// <summary>Reads the children of the element the reader is on into the locals.</summary>
    private static void ReadLoop(SourceWriter w, IReadOnlyList<MemberModel> members)
    {
        using (w.Block($"if ({TypeNames.Xml}.EnterElement(reader))"))
        using (w.Block($"while ({TypeNames.Xml}.NextChild(reader))"))
        {
            if (members.Count == 0)
            {
                w.Line("reader.Skip();");
                return;
            }

            using (w.Block("switch (reader.LocalName)"))
            {
                foreach (var m in members)
                {
                    foreach (var name in new[] { m.WireName }.Concat(m.XmlAliases))
                    {
                        w.Line($"case {TypeNames.Literal(name)}:");
                    }

                    var local = TypeNames.Local(m.Name, "Xml");
                    w.Indent();
                    if (m.Type.Kind != TypeKind.List)
                    {
                        w.Line($"{local} = {ReadValue(m, m.Type)};");
                    }
                    else if (m.XmlFlattened)
                    {
                        w.Line($"({local} ??= new()).Add({ReadValue(m, m.Type.Element!)});");
                    }
                    else
                    {
                        w.Line($"{local} ??= new();");
                        using (w.Block($"if ({TypeNames.Xml}.EnterElement(reader))"))
                        using (w.Block($"while ({TypeNames.Xml}.NextChild(reader))"))
                        {
                            w.Line($"if (reader.LocalName == {TypeNames.Literal(m.XmlItemName)}) {local}.Add({ReadValue(m, m.Type.Element!)});");
                            w.Line("else reader.Skip();");
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
    }

    /// <summary>The initializer assignment of a member from its local.</summary>
    public static string Assignment(MemberModel m)
    {
        var local = TypeNames.Local(m.Name, "Xml");
        if (m.Type.Kind == TypeKind.List)
        {
            var element = TypeNames.Of(m.Type.Element!);
            return $"{m.Name} = ({TypeNames.List}<{element}>?){local} ?? global::System.Array.Empty<{element}>(),";
        }

        if (!m.Required)
        {
            return $"{m.Name} = {local},";
        }

        return m.Type.Kind switch
        {
            TypeKind.String => $"{m.Name} = {local} ?? string.Empty,",
            TypeKind.Structure => $"{m.Name} = {local} ?? throw new global::System.Xml.XmlException(\"The element <{m.WireName}> is missing.\"),",
            _ => $"{m.Name} = {local} ?? default,",
        };
    }

    /// <summary>
    /// Writes the members of <paramref name="source"/> into the element the writer has open: attributes first, then
    /// its text or its child elements. With <paramref name="owner"/>, values outside a member's range are refused.
    /// </summary>
    public static void Write(SourceWriter w, IEnumerable<MemberModel> members, string source, string? owner = null)
    {
        var ordered = members.Where(m => m.XmlAttribute).Concat(members.Where(m => !m.XmlAttribute)).ToList();
        foreach (var m in ordered)
        {
            var access = $"{source}.{m.Name}";
            var nonNull = m.Required && m.Type.Kind != TypeKind.List ? access : TypeNames.Local(m.Name, "Value");
            var guard = nonNull == access ? null : $"if ({access} is {{ }} {nonNull})";
            if (guard is not null)
            {
                w.Open(guard);
            }

            if (owner is not null && Ranges.Check(m, nonNull, $"{owner}.{m.Name}") is { } check)
            {
                w.Line(check);
            }

            if (m.XmlAttribute)
            {
                if (m.XmlNamespace is not null)
                {
                    // Declared on the element that uses it, as COS's samples do (<Grantee xmlns:xsi="…" xsi:type="…">).
                    w.Line($"writer.WriteAttributeString(\"xmlns\", {TypeNames.Literal(Prefix(m.WireName))}, null, {TypeNames.Literal(m.XmlNamespace)});");
                    w.Line($"writer.WriteAttributeString({TypeNames.Literal(Prefix(m.WireName))}, {TypeNames.Literal(LocalName(m.WireName))}, {TypeNames.Literal(m.XmlNamespace)}, {TypeNames.Format(m, m.Type, nonNull)});");
                }
                else
                {
                    w.Line($"writer.WriteAttributeString({TypeNames.Literal(m.WireName)}, {TypeNames.Format(m, m.Type, nonNull)});");
                }
            }
            else if (m.XmlText)
            {
                w.Line($"writer.WriteString({TypeNames.Format(m, m.Type, nonNull)});");
            }
            else if (m.Type.Kind != TypeKind.List)
            {
                WriteElement(w, m, m.Type, m.WireName, nonNull);
            }
            else if (m.XmlFlattened)
            {
                using (w.Block($"foreach (var item in {nonNull})"))
                {
                    WriteElement(w, m, m.Type.Element!, m.WireName, "item");
                }
            }
            else
            {
                w.Line($"writer.WriteStartElement({TypeNames.Literal(m.WireName)});");
                using (w.Block($"foreach (var item in {nonNull})"))
                {
                    WriteElement(w, m, m.Type.Element!, m.XmlItemName, "item");
                }

                w.Line("writer.WriteEndElement();");
            }

            if (guard is not null)
            {
                w.Close();
            }
        }
    }

    private static void WriteElement(SourceWriter w, MemberModel m, TypeRef type, string name, string value)
    {
        if (type.Kind == TypeKind.Structure)
        {
            w.Line($"writer.WriteStartElement({TypeNames.Literal(name)});");
            w.Line($"{type.ShapeName}Xml.WriteMembers(writer, {value});");
            w.Line("writer.WriteEndElement();");
        }
        else
        {
            w.Line($"writer.WriteElementString({TypeNames.Literal(name)}, {TypeNames.Format(m, type, value)});");
        }
    }

    private static string ReadValue(MemberModel m, TypeRef type) => type.Kind == TypeKind.Structure
        ? $"{type.ShapeName}Xml.Read(reader)"
        : TypeNames.Parse(m, type, $"{TypeNames.Xml}.ReadText(reader)");

    private static string Prefix(string name) => name.Substring(0, name.IndexOf(':'));

    private static string LocalName(string name) => name.Substring(name.IndexOf(':') + 1);
}
