using System.Collections.Generic;
using System.Linq;
using Cos.Generator.Model;

namespace Cos.Generator.Emit;

/// <summary>
/// The server half of a spec (<c>CosGeneratorRole=server</c>), for a COS emulator: for each operation a wire class that
/// reads the operation's request (labels, query, headers, XML body) into the client's own request type and writes its
/// response type back (status, headers, XML body, payload), XML readers and writers of the shapes, and one
/// <c>{Service}OperationHandlers</c> partial class with a dispatcher and one <c>private partial</c> handler per
/// operation, so a server that does not answer an operation of the spec does not compile.
/// The request, response and shape types are the client's (the runtime's public types): one definition of each.
/// The server's namespace provides <c>WireRequest</c>, <c>WireResponse</c> and <c>OperationContext</c>. An event-stream
/// payload is written by the generated <c>{Stream}Writer</c> through <c>WireResponse.Events</c>, a callback the
/// server runs once the headers are out; the handler answers with a <c>CosEventStream</c> made from its events.
/// </summary>
internal static class ServerEmitter
{
    public static IEnumerable<(string Hint, string Source)> Emit(ServiceModel service, string ns)
    {
        foreach (var op in service.Operations)
        {
            yield return ($"{service.Name}.{op.Name}.Server.g.cs", EmitOperation(service, op, ns));
        }

        foreach (var shape in service.Structures)
        {
            yield return ($"{service.Name}.Shapes.{shape.Name}.Server.g.cs", EmitShape(service, shape, ns));
        }

        foreach (var stream in service.EventStreams)
        {
            yield return ($"{service.Name}.Events.{stream.Name}.Server.g.cs", ServerEventStreamEmitter.EmitWriter(service, stream, ns));
        }

        if (service.EventStreams.Length > 0)
        {
            yield return ($"{service.Name}.EventFrames.Server.g.cs", ServerEventStreamEmitter.EmitFrames(service, ns));
        }

        yield return ($"{service.Name}.OperationHandlers.Server.g.cs", EmitHandlers(service, ns));
    }

    private static SourceWriter Start(ServiceModel service, string ns)
    {
        var w = FileHeader.Start(ns);
        w.Line($"using global::{service.Namespace};");
        w.Line();
        return w;
    }

    private static string EmitShape(ServiceModel service, StructureModel shape, string ns)
    {
        var w = Start(service, ns);
        if (shape.Xml)
        {
            Docs.Summary(w, $"Reads and writes <see cref=\"global::{service.Namespace}.{shape.Name}\"/> as XML, on the server's side.");
            using (w.Block($"internal static class {shape.Name}Xml"))
            {
                ShapeEmitter.EmitXmlMethods(w, shape);
            }
        }

        if (shape.Json)
        {
            Docs.Summary(w, $"Reads and writes <see cref=\"global::{service.Namespace}.{shape.Name}\"/> as JSON, on the server's side.");
            using (w.Block($"internal static class {shape.Name}Json"))
            {
                ShapeEmitter.EmitJsonMethods(w, shape);
            }
        }

        return w.ToString();
    }

    private static string EmitOperation(ServiceModel service, OperationModel op, string ns)
    {
        var w = Start(service, ns);
        Docs.Summary(w, $"{op.Name} on the server's side: reads <see cref=\"{op.Name}Request\"/> from the wire and writes <see cref=\"{op.Name}Response\"/> to it.");
        using (w.Block($"internal static class {op.Name}Wire"))
        {
            EmitReadRequest(w, op);
            w.Line();
            EmitWriteResponse(w, op);
            if (op.Configuration is { Verb: "Put" })
            {
                w.Line();
                EmitDocument(w, op);
            }
            else if (op.Configuration is { Verb: "Get" })
            {
                w.Line();
                EmitFromDocument(w, op);
            }
        }

        return w.ToString();
    }

    private static void EmitReadRequest(SourceWriter w, OperationModel op)
    {
        Docs.Summary(w, "Reads the request; a missing required part is <c>wire.Missing</c>'s error, a malformed one the parser's exception.");
        using (w.Block($"public static {op.Name}Request ReadRequest(WireRequest wire)"))
        {
            var body = op.Input.Where(m => m.Location == Location.Body).ToList();
            if (body.Count > 0)
            {
                XmlMembers.DeclareLocals(w, body);
                using (w.Block($"if (wire.HasBody) using (var reader = wire.OpenXml({TypeNames.Literal(op.InputXmlName!)}))"))
                {
                    XmlMembers.ReadElement(w, body);
                }
            }

            if (op.Input.FirstOrDefault(m => m.IsJsonPayload) is { } json)
            {
                var local = TypeNames.Local(json.Name, "Payload");
                w.Line($"{json.Type.ShapeName}? {local} = null;");
                using (w.Block("if (wire.HasBody)"))
                {
                    w.Line("var reader = new global::System.Text.Json.Utf8JsonReader(wire.BufferedBody);");
                    w.Line("reader.Read();");
                    w.Line($"{local} = {json.Type.ShapeName}Json.Read(ref reader);");
                }
            }

            foreach (var m in op.Input.Where(m => m.Location is Location.Query or Location.Header))
            {
                var source = m.Location == Location.Query ? "Query" : "Header";
                var local = TypeNames.Local(m.Name, "Text");
                w.Line($"var {local} = wire.{source}({TypeNames.Literal(m.WireName)});");
            }

            w.Line($"return new {op.Name}Request");
            w.Line("{");
            w.Indent();
            foreach (var m in op.Input)
            {
                switch (m.Location)
                {
                    case Location.Host:
                        w.Line($"{m.Name} = wire.Bucket ?? throw wire.Missing(\"the bucket\"),");
                        break;
                    case Location.Label:
                        w.Line($"{m.Name} = wire.Key,");
                        break;
                    case Location.Query:
                    case Location.Header:
                        var local = TypeNames.Local(m.Name, "Text");
                        var parsed = TypeNames.Parse(m, m.Type, local);
                        w.Line(m.Required
                            ? $"{m.Name} = {local} is null ? throw wire.Missing({TypeNames.Literal(m.WireName)}) : {parsed},"
                            : m.Type.Kind == TypeKind.String ? $"{m.Name} = {local},"
                            : $"{m.Name} = {local} is null ? ({TypeNames.Of(m.Type)}?)null : {parsed},");
                        break;
                    case Location.PrefixHeaders:
                        w.Line($"{m.Name} = wire.PrefixHeaders({TypeNames.Literal(m.WireName)}),");
                        break;
                    case Location.Payload when m.IsJsonPayload:
                        w.Line(m.Required
                            ? $"{m.Name} = {TypeNames.Local(m.Name, "Payload")} ?? throw wire.Missing(\"the body\"),"
                            : $"{m.Name} = {TypeNames.Local(m.Name, "Payload")},");
                        break;
                    case Location.Payload:
                        w.Line($"{m.Name} = wire.Body,");
                        break;
                    case Location.Body:
                        w.Line(XmlMembers.Assignment(m));
                        break;
                }
            }

            w.Dedent();
            w.Line("};");
        }
    }

    private static void EmitWriteResponse(SourceWriter w, OperationModel op)
    {
        Docs.Summary(w, $"Writes the response: its status ({op.SuccessCode} unless the handler set another), headers and body.");
        using (w.Block($"public static void WriteResponse({op.Name}Response response, WireResponse wire)"))
        {
            w.Line($"wire.Status = response.StatusCode != 0 ? response.StatusCode : {op.SuccessCode};");
            foreach (var m in op.Output.Where(m => m.Location == Location.Status))
            {
                w.Line($"if (response.{m.Name}) wire.Status = {m.Status};");
            }

            foreach (var m in op.Output.Where(m => m.Location == Location.Header))
            {
                if (m.Required && TypeNames.IsValueType(m.Type))
                {
                    w.Line($"wire.Header({TypeNames.Literal(m.WireName)}, {TypeNames.Format(m, m.Type, $"response.{m.Name}")});");
                }
                else
                {
                    var local = TypeNames.Local(m.Name, "Value");
                    w.Line($"if (response.{m.Name} is {{ }} {local}) wire.Header({TypeNames.Literal(m.WireName)}, {TypeNames.Format(m, m.Type, local)});");
                }
            }

            foreach (var m in op.Output.Where(m => m.Location == Location.PrefixHeaders))
            {
                w.Line($"foreach (var (name, value) in response.{m.Name}) wire.Header({TypeNames.Literal(m.WireName)} + name, value);");
            }

            foreach (var m in op.Output.Where(m => m.Location == Location.Payload))
            {
                if (m.IsJsonPayload)
                {
                    using (w.Block($"if (response.{m.Name} is {{ }} {TypeNames.Local(m.Name, "Value")})"))
                    {
                        w.Line("var buffer = new global::System.Buffers.ArrayBufferWriter<byte>();");
                        w.Line("using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))");
                        w.Line("{");
                        w.Line($"    {m.Type.ShapeName}Json.Write(writer, {TypeNames.Local(m.Name, "Value")});");
                        w.Line("}");
                        w.Line();
                        w.Line("wire.Header(\"Content-Type\", \"application/json\");");
                        w.Line("wire.Body = new global::System.IO.MemoryStream(buffer.WrittenSpan.ToArray());");
                    }
                }
                else if (m.Type.Kind == TypeKind.EventStream)
                {
                    // Written after the status and headers are sent, as the handler's events come: the server calls wire.Events.
                    w.Line("wire.Header(\"Content-Type\", \"application/octet-stream\");");
                    w.Line($"wire.Events = (output, cancellationToken) => {m.Type.ShapeName}Writer.WriteAsync(response.{m.Name}, output, cancellationToken);");
                }
                else
                {
                    w.Line($"wire.Body = response.{m.Name};");
                }
            }

            var body = op.Output.Where(m => m.Location == Location.Body).ToList();
            if (op.OutputXmlName is not null)
            {
                w.Line($"wire.WriteXml({TypeNames.Literal(op.OutputXmlName)}, writer =>");
                w.Line("{");
                w.Indent();
                XmlMembers.Write(w, body, "response");
                w.Dedent();
                w.Line("});");
            }
        }
    }

    /// <summary>The PUT's document as the GET returns it, for a server that keeps configurations whole.</summary>
    private static void EmitDocument(SourceWriter w, OperationModel op)
    {
        Docs.Summary(w, "The configuration document the request puts, written from its typed members (so it is one a GET can return).");
        using (w.Block($"public static string Document({op.Name}Request request)"))
        {
            if (op.Input.FirstOrDefault(m => m.IsJsonPayload) is { } json)
            {
                w.Line("var buffer = new global::System.Buffers.ArrayBufferWriter<byte>();");
                w.Line("using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))");
                w.Line("{");
                var missing = json.Required ? string.Empty : " ?? throw new global::System.ArgumentException(\"The request has no document.\")";
                w.Line($"    {json.Type.ShapeName}Json.Write(writer, request.{json.Name}{missing});");
                w.Line("}");
                w.Line();
                w.Line("return global::System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);");
                return;
            }

            w.Line("var buffer = new global::System.IO.MemoryStream();");
            w.Line("using (var writer = global::System.Xml.XmlWriter.Create(buffer, new global::System.Xml.XmlWriterSettings { Encoding = new global::System.Text.UTF8Encoding(false), OmitXmlDeclaration = true }))");
            w.Line("{");
            w.Indent();
            w.Line($"writer.WriteStartElement({TypeNames.Literal(op.InputXmlName!)});");
            XmlMembers.Write(w, op.Input.Where(m => m.Location == Location.Body), "request");
            w.Line("writer.WriteEndElement();");
            w.Dedent();
            w.Line("}");
            w.Line();
            w.Line("return global::System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);");
        }
    }

    /// <summary>The GET's response from a document its PUT stored.</summary>
    private static void EmitFromDocument(SourceWriter w, OperationModel op)
    {
        Docs.Summary(w, "The response that returns a stored configuration document, read by the same generated code as a PUT's.");
        using (w.Block($"public static {op.Name}Response FromDocument(string document)"))
        {
            var bytes = "global::System.Text.Encoding.UTF8.GetBytes(document)";
            if (op.Output.FirstOrDefault(m => m.IsJsonPayload) is { } json)
            {
                w.Line($"var reader = new global::System.Text.Json.Utf8JsonReader({bytes});");
                w.Line("reader.Read();");
                w.Line($"return new {op.Name}Response {{ {json.Name} = {json.Type.ShapeName}Json.Read(ref reader) }};");
                return;
            }

            var body = op.Output.Where(m => m.Location == Location.Body).ToList();
            XmlMembers.DeclareLocals(w, body);
            using (w.Block($"using (var reader = global::Cos.Generated.Protocol.CosXml.CreateReader({bytes}))"))
            {
                w.Line("reader.MoveToContent();");
                XmlMembers.ReadElement(w, body);
            }

            w.Line($"return new {op.Name}Response");
            w.Line("{");
            w.Indent();
            foreach (var m in body)
            {
                w.Line(XmlMembers.Assignment(m));
            }

            w.Dedent();
            w.Line("};");
        }
    }

    /// <summary>
    /// The handlers of a configuration group: the PUT keeps the document whole, the GET returns it or the error for its
    /// absence, the DELETE drops it. The server's <c>ConfigurationDocuments</c> keeps them (per bucket, or per object).
    /// </summary>
    private static void EmitConfigurationHandler(SourceWriter w, OperationModel op, ConfigurationModel configuration)
    {
        var sub = TypeNames.Literal(configuration.SubResource);
        using (w.Block($"private partial global::System.Threading.Tasks.Task<{op.Name}Response> {op.Name}Async({op.Name}Request request, OperationContext context)"))
        {
            switch (configuration.Verb)
            {
                case "Put":
                    w.Line($"Validate{op.Name}(request, context);");
                    w.Line($"ConfigurationDocuments.Put(context, {sub}, {op.Name}Wire.Document(request));");
                    break;
                case "Get":
                    var message = TypeNames.Literal(configuration.NotConfiguredDoc ?? $"The {configuration.SubResource} configuration does not exist.");
                    w.Line($"var document = ConfigurationDocuments.Get(context, {sub}) ?? throw ConfigurationDocuments.NotConfigured({TypeNames.Literal(configuration.NotConfiguredError!)}, {configuration.NotConfiguredStatus}, {message});");
                    w.Line($"return global::System.Threading.Tasks.Task.FromResult({op.Name}Wire.FromDocument(document));");
                    return;
                default:
                    w.Line($"ConfigurationDocuments.Delete(context, {sub});");
                    break;
            }

            w.Line($"return global::System.Threading.Tasks.Task.FromResult(new {op.Name}Response());");
        }
    }

    private static string EmitHandlers(ServiceModel service, string ns)
    {
        var w = Start(service, ns);
        Docs.Summary(w, "The server's operations: one handler per operation of the spec (a missing one does not compile) and the dispatcher that reads each request and writes each response through the generated wire classes.");
        using (w.Block($"internal sealed partial class {service.Name}OperationHandlers"))
        {
            foreach (var op in service.Operations)
            {
                Docs.Summary(w, op.Configuration is not { Generic: true } ? $"Answers {op.Name}." : $"Answers {op.Name} generically: the <c>?{op.Configuration.SubResource}</c> document is kept whole (the spec's <c>notConfigured</c> on {op.Configuration.GetOperation}).");
                w.Line($"private partial global::System.Threading.Tasks.Task<{op.Name}Response> {op.Name}Async({op.Name}Request request, OperationContext context);");
                w.Line();
                if (op.Configuration is { Generic: true } configuration)
                {
                    if (configuration.Verb == "Put")
                    {
                        Docs.Summary(w, $"Optional: checks what the document's reader cannot (rules that exclude each other, counts) before {op.Name} stores it, throwing the COS error; a server that has nothing to check leaves it out.");
                        w.Line($"partial void Validate{op.Name}({op.Name}Request request, OperationContext context);");
                        w.Line();
                    }

                    EmitConfigurationHandler(w, op, configuration);
                    w.Line();
                }
            }

            Docs.Summary(w, "Answers the request with the handler of <paramref name=\"operation\"/>; false when the spec has no such operation.");
            using (w.Block("public async global::System.Threading.Tasks.Task<bool> DispatchAsync(string operation, OperationContext context, WireRequest wire, WireResponse response)"))
            {
                using (w.Block("switch (operation)"))
                {
                    foreach (var op in service.Operations)
                    {
                        w.Line($"case {TypeNames.Literal(op.Name)}:");
                        w.Line("{");
                        w.Indent();
                        if (op.Input.Any(m => m.Location == Location.Body || m.IsJsonPayload))
                        {
                            w.Line("await wire.BufferBodyAsync().ConfigureAwait(false);");
                        }

                        w.Line($"var result = await {op.Name}Async({op.Name}Wire.ReadRequest(wire), context).ConfigureAwait(false);");
                        w.Line($"{op.Name}Wire.WriteResponse(result, response);");
                        w.Line("return true;");
                        w.Dedent();
                        w.Line("}");
                    }

                    w.Line("default:");
                    w.Line("    return false;");
                }
            }
        }

        return w.ToString();
    }
}
