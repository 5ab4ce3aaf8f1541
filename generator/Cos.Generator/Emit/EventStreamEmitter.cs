using Cos.Generator.Model;

namespace Cos.Generator.Emit;

/// <summary>
/// An event-stream shape: an abstract record with one nested record per <c>:event-type</c>, and the decoder that turns
/// the runtime's framed messages (<c>CosEventMessage</c>, CRCs already checked) into them.
/// </summary>
internal static class EventStreamEmitter
{
    public static string Emit(ServiceModel service, EventStreamModel stream)
    {
        var w = FileHeader.Start(service.Namespace);
        Docs.FromSpec(w, stream.Doc, $"A message of the <c>{stream.Name}</c> event stream.");
        w.Line("/// <remarks>Match on the nested types; event types this version does not know are skipped.</remarks>");
        using (w.Block($"public abstract partial record {stream.Name}"))
        {
            w.Line($"private protected {stream.Name}()");
            w.Line("{");
            w.Line("}");
            foreach (var e in stream.Events)
            {
                w.Line();
                Docs.FromSpec(w, e.Doc, $"The <c>{e.Name}</c> event.");
                if (e.Payload == EventPayload.None)
                {
                    w.Line($"public sealed partial record {e.Name} : {stream.Name};");
                    continue;
                }

                using (w.Block($"public sealed partial record {e.Name} : {stream.Name}"))
                {
                    if (e.Payload == EventPayload.Bytes)
                    {
                        Docs.Summary(w, "The payload as it arrived.");
                        w.Line("public global::System.ReadOnlyMemory<byte> Payload { get; init; }");
                    }
                    else
                    {
                        Docs.Summary(w, $"The payload, read from its <c>&lt;{Docs.Escape(e.XmlName)}&gt;</c> document.");
                        w.Line($"public required {e.ShapeName} Payload {{ get; init; }}");
                    }
                }
            }
        }

        w.Line();
        Docs.Summary(w, $"Turns the messages of the stream into <see cref=\"{stream.Name}\"/> values.");
        using (w.Block($"internal static class {stream.Name}Events"))
        {
            Docs.Summary(w, "The event a message carries, or null for an event type this spec does not know (COS may add kinds).");
            w.Line($"public static {stream.Name}? Decode(global::Cos.Generated.Protocol.CosEventMessage message) => message.EventType switch");
            w.Line("{");
            w.Indent();
            foreach (var e in stream.Events)
            {
                var value = e.Payload switch
                {
                    EventPayload.None => $"new {stream.Name}.{e.Name}()",
                    EventPayload.Bytes => $"new {stream.Name}.{e.Name} {{ Payload = message.Payload }}",
                    _ => $"new {stream.Name}.{e.Name} {{ Payload = {TypeNames.Xml}.ReadDocument(message.Payload, {TypeNames.Literal(e.XmlName)}, {e.ShapeName}Xml.Read) }}",
                };
                w.Line($"{TypeNames.Literal(e.Name)} => {value},");
            }

            w.Line("_ => null,");
            w.Dedent();
            w.Line("};");
        }

        return w.ToString();
    }
}
