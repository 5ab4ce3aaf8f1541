using Cos.Generator.Model;

namespace Cos.Generator.Emit;

/// <summary>XML documentation comments for generated members.</summary>
internal static class Docs
{
    /// <summary>Writes a summary; <paramref name="text"/> is XML-doc text, already escaped.</summary>
    public static void Summary(SourceWriter writer, string text)
    {
        writer.Line("/// <summary>");
        foreach (var line in text.Split('\n'))
        {
            writer.Line("/// " + line.TrimEnd());
        }

        writer.Line("/// </summary>");
    }

    /// <summary>Writes an escaped summary from spec text.</summary>
    public static void FromSpec(SourceWriter writer, string? text, string fallback) => Summary(writer, text is null ? fallback : Escape(text));

    /// <summary>Writes one documented property per member, separated by blank lines.</summary>
    public static void Properties(SourceWriter writer, System.Collections.Generic.IEnumerable<MemberModel> members, System.Func<MemberModel, string> declaration, bool checkedBeforeSending = false, bool json = false)
    {
        var first = true;
        foreach (var member in members)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            Summary(writer, json && member.Doc is null ? $"The <c>{Escape(member.WireName)}</c> property." : For(member));
            if (Ranges.Describe(member, checkedBeforeSending) is { } range)
            {
                writer.Line($"/// <remarks>{range}</remarks>");
            }

            writer.Line(declaration(member));
        }
    }

    public static string For(MemberModel member) => member.Doc is { } doc ? Escape(doc) : member.Location switch
    {
        Location.Host => "The bucket, <c>name-appid</c>.",
        Location.Label => "The object key.",
        Location.Query => $"The <c>{Escape(member.WireName)}</c> query parameter.",
        Location.Header => $"The <c>{Escape(member.WireName)}</c> header.",
        Location.PrefixHeaders => $"The headers that start with <c>{Escape(member.WireName)}</c>, keyed by the rest of the name.",
        Location.Payload => "The body.",
        Location.Status => $"True when COS answered {member.Status} rather than 2xx; the body is then empty.",
        _ => $"The <c>{Escape(member.WireName)}</c> element.",
    };

    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
