using System.Linq;
using Cos.Generator.Model;

namespace Cos.Generator.Emit;

/// <summary>
/// The server half of event streams: <c>{Service}EventFrames</c>, the framing of §6 of the operations reference (the
/// inverse of the runtime's decoder), and one <c>{Stream}Writer</c> per event-stream shape that encodes each event
/// as the client's generated decoder reads it (bytes as they are, a shape as its XML document, nothing for an empty one).
/// </summary>
internal static class ServerEventStreamEmitter
{
    public static string EmitFrames(ServiceModel service, string ns)
    {
        var w = FileHeader.Start(ns);
        Docs.Summary(w, "Writes event-stream messages, big-endian: <c>[total u32][headers u32][prelude CRC-32][headers][payload][message CRC-32]</c>, each header <c>[name length u8][name][7][value length u16][value]</c>.");
        using (w.Block($"internal static class {service.Name}EventFrames"))
        {
            Docs.Summary(w, "Writes an <c>event</c> message; <paramref name=\"contentType\"/> is left out when null (an event without a payload).");
            using (w.Block("public static global::System.Threading.Tasks.ValueTask WriteEventAsync(global::System.IO.Stream output, string eventType, string? contentType, global::System.ReadOnlyMemory<byte> payload, global::System.Threading.CancellationToken cancellationToken)"))
            {
                w.Line("var headers = contentType is null");
                w.Line("    ? new[] { (\":message-type\", \"event\"), (\":event-type\", eventType) }");
                w.Line("    : new[] { (\":message-type\", \"event\"), (\":event-type\", eventType), (\":content-type\", contentType) };");
                w.Line("return output.WriteAsync(Frame(headers, payload.Span), cancellationToken);");
            }

            w.Line();
            Docs.Summary(w, "Writes an <c>error</c> message: how a failure after the 200 reaches the client.");
            using (w.Block("public static global::System.Threading.Tasks.ValueTask WriteErrorAsync(global::System.IO.Stream output, string code, string message, global::System.Threading.CancellationToken cancellationToken)"))
            {
                w.Line("var headers = new[] { (\":message-type\", \"error\"), (\":error-code\", code), (\":error-message\", message) };");
                w.Line("return output.WriteAsync(Frame(headers, default), cancellationToken);");
            }

            w.Line();
            Docs.Summary(w, "One whole message, both CRC-32s (IEEE) computed.");
            using (w.Block("public static byte[] Frame((string Name, string Value)[] headers, global::System.ReadOnlySpan<byte> payload)"))
            {
                w.Line("var utf8 = global::System.Text.Encoding.UTF8;");
                w.Line("var headersLength = 0;");
                using (w.Block("foreach (var (name, value) in headers)"))
                {
                    w.Line("var (nameLength, valueLength) = (utf8.GetByteCount(name), utf8.GetByteCount(value));");
                    w.Line("// The framing gives a name one byte of length and a value two: longer would be a corrupt message, not a long one.");
                    w.Line("if (nameLength > byte.MaxValue || valueLength > ushort.MaxValue) throw new global::System.ArgumentException($\"The event-stream header '{name}' is longer than its framing allows.\", nameof(headers));");
                    w.Line("headersLength += 1 + nameLength + 1 + 2 + valueLength;");
                }

                w.Line("var total = 12 + headersLength + payload.Length + 4;");
                w.Line("var message = new byte[total];");
                w.Line("var span = new global::System.Span<byte>(message);");
                w.Line("global::System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(span, (uint)total);");
                w.Line("global::System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(span.Slice(4), (uint)headersLength);");
                w.Line("global::System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(span.Slice(8), global::System.IO.Hashing.Crc32.HashToUInt32(span.Slice(0, 8)));");
                w.Line("var at = 12;");
                using (w.Block("foreach (var (name, value) in headers)"))
                {
                    w.Line("message[at] = (byte)utf8.GetBytes(name, span.Slice(at + 1));");
                    w.Line("at += 1 + message[at];");
                    w.Line("message[at++] = 7;");
                    w.Line("var valueLength = utf8.GetBytes(value, span.Slice(at + 2));");
                    w.Line("global::System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(span.Slice(at), (ushort)valueLength);");
                    w.Line("at += 2 + valueLength;");
                }

                w.Line("payload.CopyTo(span.Slice(at));");
                w.Line("global::System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(span.Slice(total - 4), global::System.IO.Hashing.Crc32.HashToUInt32(span.Slice(0, total - 4)));");
                w.Line("return message;");
            }
        }

        return w.ToString();
    }

    public static string EmitWriter(ServiceModel service, EventStreamModel stream, string ns)
    {
        var w = FileHeader.Start(ns);
        w.Line($"using global::{service.Namespace};");
        w.Line();
        Docs.Summary(w, $"Writes the events of a <c>{stream.Name}</c> stream as framed messages, each as the client's decoder reads it.");
        using (w.Block($"internal static class {stream.Name}Writer"))
        {
            Docs.Summary(w, "Enumerates the events and writes each one as it comes; an exception of the enumeration is the caller's to turn into an error message.");
            using (w.Block($"public static async global::System.Threading.Tasks.Task WriteAsync(global::Cos.Generated.Protocol.CosEventStream<{stream.Name}> events, global::System.IO.Stream output, global::System.Threading.CancellationToken cancellationToken)"))
            {
                using (w.Block("await foreach (var value in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.WithCancellation(events, cancellationToken).ConfigureAwait(false))"))
                {
                    using (w.Block("switch (value)"))
                    {
                        foreach (var e in stream.Events)
                        {
                            var literal = TypeNames.Literal(e.Name);
                            w.Line($"case {stream.Name}.{e.Name} {(e.Payload == EventPayload.None ? "_" : "message")}:");
                            w.Indent();
                            w.Line(e.Payload switch
                            {
                                EventPayload.None => $"await {service.Name}EventFrames.WriteEventAsync(output, {literal}, null, default, cancellationToken).ConfigureAwait(false);",
                                EventPayload.Bytes => $"await {service.Name}EventFrames.WriteEventAsync(output, {literal}, \"application/octet-stream\", message.Payload, cancellationToken).ConfigureAwait(false);",
                                _ => $"await {service.Name}EventFrames.WriteEventAsync(output, {literal}, \"text/xml\", {e.ShapeName}Document(message.Payload, {TypeNames.Literal(e.XmlName)}), cancellationToken).ConfigureAwait(false);",
                            });
                            w.Line("break;");
                            w.Dedent();
                        }
                    }
                }
            }

            foreach (var shape in stream.Events.Where(e => e.Payload == EventPayload.Xml).Select(e => e.ShapeName!).Distinct())
            {
                w.Line();
                Docs.Summary(w, $"A <see cref=\"global::{service.Namespace}.{shape}\"/> payload as its XML document, rooted at the event's element.");
                using (w.Block($"private static byte[] {shape}Document({shape} value, string root)"))
                {
                    w.Line("var buffer = new global::System.IO.MemoryStream();");
                    using (w.Block("using (var writer = global::System.Xml.XmlWriter.Create(buffer, new global::System.Xml.XmlWriterSettings { Encoding = new global::System.Text.UTF8Encoding(false), OmitXmlDeclaration = true }))"))
                    {
                        w.Line("writer.WriteStartElement(root);");
                        w.Line($"{shape}Xml.WriteMembers(writer, value);");
                        w.Line("writer.WriteEndElement();");
                    }

                    w.Line();
                    w.Line("return buffer.ToArray();");
                }
            }
        }

        return w.ToString();
    }
}
