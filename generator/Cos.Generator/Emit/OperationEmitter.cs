using System;
using System.Collections.Generic;
using System.Linq;
using Cos.Generator.Model;

namespace Cos.Generator.Emit;

/// <summary>One operation: request and response types, the client method, paginators and the marshaller.</summary>
internal static class OperationEmitter
{
    private const string Protocol = "global::Cos.Generated.Protocol";
    private const string Token = "global::System.Threading.CancellationToken";

    public static string Emit(ServiceModel service, OperationModel op)
    {
        var w = FileHeader.Start(service.Namespace);
        EmitRequest(w, service, op);
        w.Line();
        EmitResponse(w, service, op);
        w.Line();
        EmitClient(w, service, op);
        w.Line();
        EmitInterface(w, service, op);
        w.Line();
        EmitMarshaller(w, service, op);
        return w.ToString();
    }

    /// <summary>
    /// The operation's members of the client's interface (<c>I{Client}</c>), which the client implements, so code that
    /// calls COS can be tested with a fake. The interface's other members (transfers, presigning) are hand-written.
    /// </summary>
    private static void EmitInterface(SourceWriter w, ServiceModel service, OperationModel op)
    {
        using (w.Block($"public partial interface I{service.ClientName}"))
        {
            w.Line($"/// <inheritdoc cref=\"{ClientRef(service, op)}\"/>");
            w.Line($"global::System.Threading.Tasks.Task<{op.Name}Response> {op.Name}Async({op.Name}Request request, {Token} cancellationToken = default);");
            if (op.Pagination is { } paging)
            {
                var itemType = TypeNames.Of(op.Output.First(m => m.Name == paging.Items).Type.Element!);
                w.Line();
                w.Line($"/// <inheritdoc cref=\"{service.ClientName}.{op.Name}PagesAsync\"/>");
                w.Line($"global::System.Collections.Generic.IAsyncEnumerable<{op.Name}Response> {op.Name}PagesAsync({op.Name}Request request, {Token} cancellationToken = default);");
                w.Line();
                w.Line($"/// <inheritdoc cref=\"{service.ClientName}.{paging.EnumeratorName}Async\"/>");
                w.Line($"global::System.Collections.Generic.IAsyncEnumerable<{itemType}> {paging.EnumeratorName}Async({op.Name}Request request, {Token} cancellationToken = default);");
            }
        }
    }

    private static void EmitRequest(SourceWriter w, ServiceModel service, OperationModel op)
    {
        Docs.Summary(w, $"The input of <see cref=\"{ClientRef(service, op)}\"/>.");
        using (w.Block($"public sealed partial class {op.Name}Request : global::Cos.Generated.CosRequest"))
        {
            Docs.Properties(
                w,
                op.Input,
                static m => m.Required
                    ? $"public required {TypeNames.Of(m.Type)} {m.Name} {{ get; init; }}"
                    : $"public {TypeNames.Of(m.Type)}? {m.Name} {{ get; init; }}",
                checkedBeforeSending: true);
        }
    }

    private static void EmitResponse(SourceWriter w, ServiceModel service, OperationModel op)
    {
        var streaming = op.Output.Any(m => m.IsStreamingPayload);
        Docs.Summary(w, $"The result of <see cref=\"{ClientRef(service, op)}\"/>.{(streaming ? " Dispose it to release the connection." : string.Empty)}");
        var bases = streaming ? "global::Cos.Generated.CosResponse, global::System.IDisposable, global::System.IAsyncDisposable" : "global::Cos.Generated.CosResponse";
        using (w.Block($"public sealed partial class {op.Name}Response : {bases}"))
        {
            Docs.Properties(w, op.Output, OutputProperty);

            if (streaming)
            {
                var body = op.Output.First(m => m.IsStreamingPayload).Name;
                w.Line();
                Docs.Summary(w, "Disposes the body stream and the response behind it.");
                w.Line($"public void Dispose() => {body}.Dispose();");
                w.Line();
                Docs.Summary(w, "Disposes the body stream and the response behind it.");
                w.Line($"public global::System.Threading.Tasks.ValueTask DisposeAsync() => {body}.DisposeAsync();");
            }
        }
    }

    private static string OutputProperty(MemberModel m)
    {
        var type = TypeNames.Of(m.Type);
        return m.Type.Kind switch
        {
            TypeKind.List => $"public {type} {m.Name} {{ get; init; }} = global::System.Array.Empty<{TypeNames.Of(m.Type.Element!)}>();",
            TypeKind.Map => $"public {type} {m.Name} {{ get; init; }} = new global::System.Collections.Generic.Dictionary<string, string>();",
            TypeKind.Stream => $"public {type} {m.Name} {{ get; init; }} = global::System.IO.Stream.Null;",
            TypeKind.EventStream => $"public {type} {m.Name} {{ get; init; }} = {type}.Empty;",
            TypeKind.Boolean when m.Location == Location.Status => $"public bool {m.Name} {{ get; init; }}",
            TypeKind.String when m.Required => $"public string {m.Name} {{ get; init; }} = string.Empty;",
            _ when m.Required && TypeNames.IsValueType(m.Type) => $"public {type} {m.Name} {{ get; init; }}",
            _ when m.Required => $"public required {type} {m.Name} {{ get; init; }}",
            _ => $"public {type}? {m.Name} {{ get; init; }}",
        };
    }

    private static void EmitClient(SourceWriter w, ServiceModel service, OperationModel op)
    {
        using (w.Block($"partial class {service.ClientName} : I{service.ClientName}"))
        {
            Docs.FromSpec(w, op.Doc, $"Sends the COS {op.Name} request.");
            if (op.DocUrl is not null)
            {
                w.Line($"/// <seealso href=\"{Docs.Escape(op.DocUrl)}\"/>");
            }

            w.Line("/// <param name=\"request\">The input.</param>");
            w.Line("/// <param name=\"cancellationToken\">Cancels the request, including any retries.</param>");
            w.Line("/// <exception cref=\"global::Cos.Generated.CosException\">COS answered with an error.</exception>");
            using (w.Block($"public global::System.Threading.Tasks.Task<{op.Name}Response> {op.Name}Async({op.Name}Request request, {Token} cancellationToken = default)"))
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
                w.Line($"return Pipeline.SendAsync({op.Name}Marshaller.Marshal(request), {op.Name}Marshaller.Unmarshal, request.RequestOptions, cancellationToken);");
            }

            if (op.Pagination is { } paging)
            {
                w.Line();
                EmitPaginators(w, op, paging);
            }
        }
    }

    private static void EmitPaginators(SourceWriter w, OperationModel op, PaginationModel paging)
    {
        var tokens = Enumerable.Range(0, paging.InputTokens.Length)
            .Select(i => (Input: paging.InputTokens[i], Output: op.Output.First(m => m.Name == paging.OutputTokens[i])))
            .ToList();
        var items = op.Output.First(m => m.Name == paging.Items);
        var itemType = TypeNames.Of(items.Type.Element!);

        Docs.Summary(w, $"Sends {op.Name} page after page, following <c>{string.Join("</c>, <c>", paging.OutputTokens)}</c> until the listing ends.");
        w.Line("/// <param name=\"request\">The first page's input.</param>");
        w.Line("/// <param name=\"cancellationToken\">Stops the enumeration.</param>");
        using (w.Block($"public async global::System.Collections.Generic.IAsyncEnumerable<{op.Name}Response> {op.Name}PagesAsync({op.Name}Request request, [global::System.Runtime.CompilerServices.EnumeratorCancellation] {Token} cancellationToken = default)"))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
            w.Line("var page = request;");
            using (w.Block("while (true)"))
            {
                w.Line($"var response = await {op.Name}Async(page, cancellationToken).ConfigureAwait(false);");
                w.Line("yield return response;");
                if (paging.Truncated is not null)
                {
                    w.Line($"if (response.{paging.Truncated} != true) yield break;");
                }

                var allEmpty = string.Join(" && ", tokens.Select(t => IsEmpty($"response.{t.Output.Name}", t.Output.Type)));
                var unchanged = string.Join(" && ", tokens.Select(t => $"global::System.Collections.Generic.EqualityComparer<{TypeNames.Of(t.Output.Type)}?>.Default.Equals(response.{t.Output.Name}, page.{t.Input})"));
                if (paging.Truncated is null)
                {
                    w.Line($"if ({allEmpty}) yield break;");
                    w.Line($"if ({unchanged}) throw new global::Cos.Generated.CosResponseFormatException(\"{op.Name} returned the same page token twice.\", response.StatusCode, response.RequestId);");
                }
                else
                {
                    w.Line($"if (({allEmpty}) || ({unchanged})) throw new global::Cos.Generated.CosResponseFormatException(\"{op.Name} returned a truncated page without a new {string.Join("/", paging.OutputTokens)}.\", response.StatusCode, response.RequestId);");
                }

                w.Line($"page = new {op.Name}Request");
                w.Line("{");
                w.Indent();
                w.Line("Region = page.Region,");
                w.Line("RequestOptions = page.RequestOptions,");
                foreach (var m in op.Input)
                {
                    var token = tokens.FirstOrDefault(t => t.Input == m.Name);
                    w.Line(token.Input is null ? $"{m.Name} = page.{m.Name}," : $"{m.Name} = response.{token.Output.Name},");
                }

                w.Dedent();
                w.Line("};");
            }
        }

        w.Line();
        Docs.Summary(w, $"Enumerates every item of <c>{paging.Items}</c> across the pages of {op.Name}.");
        w.Line("/// <param name=\"request\">The first page's input.</param>");
        w.Line("/// <param name=\"cancellationToken\">Stops the enumeration.</param>");
        using (w.Block($"public async global::System.Collections.Generic.IAsyncEnumerable<{itemType}> {paging.EnumeratorName}Async({op.Name}Request request, [global::System.Runtime.CompilerServices.EnumeratorCancellation] {Token} cancellationToken = default)"))
        {
            using (w.Block($"await foreach (var page in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait({op.Name}PagesAsync(request, cancellationToken), false))"))
            using (w.Block($"foreach (var item in page.{paging.Items})"))
            {
                w.Line("yield return item;");
            }
        }
    }

    private static string IsEmpty(string access, TypeRef type) =>
        type.Kind == TypeKind.String ? $"string.IsNullOrEmpty({access})" : $"{access} is null";

    private static void EmitMarshaller(SourceWriter w, ServiceModel service, OperationModel op)
    {
        Docs.Summary(w, $"Turns <see cref=\"{op.Name}Request\"/> into a wire request and the wire response into <see cref=\"{op.Name}Response\"/>.");
        using (w.Block($"internal static {(op.CustomRequest || op.CustomResponse ? "partial " : string.Empty)}class {op.Name}Marshaller"))
        {
            EmitMarshal(w, service, op);
            w.Line();
            EmitUnmarshal(w, op);
            EmitCustomHooks(w, op);
        }
    }

    /// <summary>
    /// The hooks of a <c>"custom"</c> operation. A partial method with an access modifier must be implemented, so a
    /// missing hand-written half is a compile error (CS8795) naming the hook, not a silently skipped call.
    /// </summary>
    private static void EmitCustomHooks(SourceWriter w, OperationModel op)
    {
        if (op.CustomRequest)
        {
            w.Line();
            Docs.Summary(w, $"Hand-written (the spec marks {op.Name} <c>\"custom\": [\"request\"]</c>): adjusts the wire request after the members are written.");
            w.Line($"private static partial void CustomizeRequest({op.Name}Request request, {Protocol}.CosHttpRequest http);");
        }

        if (op.CustomResponse)
        {
            w.Line();
            Docs.Summary(w, $"Hand-written (the spec marks {op.Name} <c>\"custom\": [\"response\"]</c>): returns the result, adjusted from the wire response.");
            w.Line($"private static partial {op.Name}Response CustomizeResponse({Protocol}.CosResponseContext response, {op.Name}Response result);");
        }
    }

    private static void EmitMarshal(SourceWriter w, ServiceModel service, OperationModel op)
    {
        var streamingOutput = op.Output.Any(m => m.IsStreamingPayload);
        var payload = op.Input.FirstOrDefault(m => m.Location == Location.Payload && m.Type.Kind == TypeKind.Stream);
        var contentLength = payload is null ? null : op.Input.FirstOrDefault(m => m.Location == Location.Header && string.Equals(m.WireName, "Content-Length", StringComparison.OrdinalIgnoreCase));

        using (w.Block($"public static {Protocol}.CosHttpRequest Marshal({op.Name}Request request)"))
        {
            foreach (var m in op.Input.Where(m => m.Required))
            {
                var check = m.Type.Kind == TypeKind.String ? "RequireNonEmpty" : TypeNames.IsValueType(m.Type) ? null : "RequireNonNull";
                if (check is not null)
                {
                    w.Line($"{Protocol}.CosArguments.{check}(request.{m.Name}, \"{op.Name}Request.{m.Name}\");");
                }
            }

            foreach (var m in op.Input)
            {
                var value = m.Required ? $"request.{m.Name}" : $"request.{m.Name}.Value";
                if (Ranges.Check(m, value, $"{op.Name}Request.{m.Name}") is { } check)
                {
                    w.Line(m.Required ? check : $"if (request.{m.Name} is not null) {check}");
                }
            }

            var options = new List<string>();
            if (streamingOutput)
            {
                options.Add("BufferResponse = false");
            }

            if (op.Output.FirstOrDefault(m => m.Crc64Of != BodyChecksum.None) is { } crc64)
            {
                options.Add($"Crc64Check = {Protocol}.CosBodyChecksum.{crc64.Crc64Of}");
                options.Add($"Crc64Header = {TypeNames.Literal(crc64.WireName)}");
            }

            var alternatives = op.AlternativeStatuses.ToList();
            if (alternatives.Count > 0)
            {
                // Answers such as 304 Not Modified are a result (NotModified = true), not a CosException.
                options.Add($"SuccessStatusCodes = [{string.Join(", ", alternatives)}]");
            }

            // The spec's retryable error codes reach the retry decision (a consumer's spec has its own table).
            options.Add($"IsRetryableErrorCode = global::{service.Namespace}.{service.Name}ErrorCodes.IsRetryable");
            var init = $" {{ {string.Join(", ", options)} }}";
            w.Line($"var http = new {Protocol}.CosHttpRequest(global::{service.Namespace}.{service.Name}Operations.{op.Name}){init};");
            w.Line("http.Region = request.Region;");
            foreach (var sub in op.SubResources)
            {
                w.Line($"http.AddQuery({TypeNames.Literal(sub.Name)}, {(sub.Value is null ? "null" : TypeNames.Literal(sub.Value))});");
            }

            foreach (var m in op.Input)
            {
                if (m == contentLength)
                {
                    continue;
                }

                switch (m.Location)
                {
                    case Location.Host:
                        w.Line($"http.Bucket = request.{m.Name};");
                        break;
                    case Location.Label:
                        w.Line($"http.Key = request.{m.Name};");
                        break;
                    case Location.Query:
                        WriteScalar(w, m, value => $"http.AddQuery({TypeNames.Literal(m.WireName)}, {value});");
                        break;
                    case Location.Header:
                        WriteScalar(w, m, value => $"http.AddHeader({TypeNames.Literal(m.WireName)}, {value});");
                        break;
                    case Location.PrefixHeaders:
                        w.Line($"http.AddPrefixHeaders({TypeNames.Literal(m.WireName)}, request.{m.Name});");
                        break;
                    case Location.Payload when m.IsJsonPayload:
                        WriteJsonPayload(w, m);
                        break;
                    case Location.Payload:
                        var length = contentLength is null ? string.Empty : $", request.{contentLength.Name}";
                        w.Line(m.Required
                            ? $"http.Body = {Protocol}.CosRequestBody.FromStream(request.{m.Name}{length});"
                            : $"if (request.{m.Name} is {{ }} {TypeNames.Local(m.Name, "Value")}) http.Body = {Protocol}.CosRequestBody.FromStream({TypeNames.Local(m.Name, "Value")}{length});");
                        break;
                }
            }

            var body = op.Input.Where(m => m.Location == Location.Body).ToList();
            if (body.Count > 0)
            {
                var always = op.InputXmlAlways || body.Any(m => m.Required);
                if (!always)
                {
                    w.Open($"if ({string.Join(" || ", body.Select(m => $"request.{m.Name} is not null"))})");
                }

                w.Line($"var (body, contentMd5) = {Protocol}.CosRequestBody.FromXml(request, static (writer, request) =>");
                w.Line("{");
                w.Indent();
                w.Line($"writer.WriteStartElement({TypeNames.Literal(op.InputXmlName!)});");
                XmlMembers.Write(w, body, "request");
                w.Line("writer.WriteEndElement();");
                w.Dedent();
                w.Line("});");
                w.Line("http.Body = body;");
                w.Line("http.AddHeader(\"Content-Type\", \"application/xml\");");
                w.Line("http.AddHeader(\"Content-MD5\", contentMd5);");
                if (!always)
                {
                    w.Close();
                }
            }

            if (op.Cam.EachKeyOf is { } eachKey)
            {
                // CAM authorizes each key the body names (the official SDKs send one Scope entry per key).
                w.Line($"var camKeys = new global::System.Collections.Generic.List<string>();");
                w.Line($"if (request.{eachKey.Name} is {{ }} camItems) foreach (var item in camItems) camKeys.Add(item.Key ?? string.Empty);");
                w.Line("http.CamKeys = camKeys;");
            }

            if (op.CustomRequest)
            {
                w.Line("CustomizeRequest(request, http);");
            }

            w.Line("return http;");
        }
    }

    /// <summary>A structure payload: a JSON document, sent with its MD5 as COS asks of every document body.</summary>
    private static void WriteJsonPayload(SourceWriter w, MemberModel m)
    {
        var value = m.Required ? $"request.{m.Name}" : TypeNames.Local(m.Name, "Value");
        if (!m.Required)
        {
            w.Open($"if (request.{m.Name} is {{ }} {value})");
        }

        w.Line($"var (body, contentMd5) = {Protocol}.CosRequestBody.FromJson({value}, static (writer, value) => {m.Type.ShapeName}Json.Write(writer, value));");
        w.Line("http.Body = body;");
        w.Line("http.AddHeader(\"Content-Type\", \"application/json\");");
        w.Line("http.AddHeader(\"Content-MD5\", contentMd5);");
        if (!m.Required)
        {
            w.Close();
        }
    }

    private static void WriteScalar(SourceWriter w, MemberModel m, Func<string, string> add)
    {
        if (m.Required)
        {
            w.Line(add(TypeNames.Format(m, m.Type, $"request.{m.Name}")));
            return;
        }

        var local = TypeNames.Local(m.Name, "Value");
        w.Line($"if (request.{m.Name} is {{ }} {local}) {add(TypeNames.Format(m, m.Type, local))}");
    }

    private static void EmitUnmarshal(SourceWriter w, OperationModel op)
    {
        using (w.Block($"public static {op.Name}Response Unmarshal({Protocol}.CosResponseContext response)"))
        {
            var body = op.Output.Where(m => m.Location == Location.Body).ToList();
            var statuses = op.Output.Where(m => m.Location == Location.Status).ToList();
            foreach (var m in statuses)
            {
                w.Line($"var {TypeNames.Local(m.Name, "Status")} = response.StatusCode == {m.Status};");
            }

            // An alternative status (304) carries no document to read.
            var noDocument = statuses.Count == 0 ? null : $"if (!({string.Join(" || ", statuses.Select(m => TypeNames.Local(m.Name, "Status")))}))";
            if (op.OutputXmlName is not null)
            {
                XmlMembers.DeclareLocals(w, body);
                if (noDocument is not null)
                {
                    w.Open(noDocument);
                }

                using (w.Block($"using (var reader = response.OpenXml({TypeNames.Literal(op.OutputXmlName)}))"))
                {
                    XmlMembers.ReadElement(w, body);
                }

                if (noDocument is not null)
                {
                    w.Close();
                }

                if (op.UrlEncoded is { } urlEncoded)
                {
                    EmitUrlDecoding(w, urlEncoded);
                }
            }

            if (op.Output.FirstOrDefault(m => m.IsJsonPayload) is { } json)
            {
                var local = TypeNames.Local(json.Name, "Payload");
                w.Line($"{json.Type.ShapeName}? {local} = null;");
                using (w.Block(noDocument is null ? "if (response.HasBody)" : $"if (response.HasBody && !({string.Join(" || ", statuses.Select(m => TypeNames.Local(m.Name, "Status")))}))"))
                {
                    w.Line("var reader = response.OpenJson();");
                    w.Line($"{local} = {json.Type.ShapeName}Json.Read(ref reader);");
                    w.Line($"{TypeNames.Json}.EndDocument(ref reader);");
                }
            }

            // Headers are parsed before the body stream is taken, so a bad header cannot leak the connection.
            foreach (var m in op.Output.Where(m => m.Location == Location.Header))
            {
                var local = TypeNames.Local(m.Name, "Header");
                var parsed = TypeNames.Parse(m, m.Type, local);
                var fallback = m.Required ? (m.Type.Kind == TypeKind.String ? "string.Empty" : "default") : "null";
                w.Line(m.Type.Kind == TypeKind.String
                    ? $"var {local}Value = response.GetHeader({TypeNames.Literal(m.WireName)}){(m.Required ? " ?? string.Empty" : string.Empty)};"
                    : $"var {local}Value = response.GetHeader({TypeNames.Literal(m.WireName)}) is {{ }} {local} ? ({TypeNames.Of(m.Type)}{(m.Required ? string.Empty : "?")}){parsed} : {fallback};");
            }

            w.Line(op.CustomResponse ? $"return CustomizeResponse(response, new {op.Name}Response" : $"return new {op.Name}Response");
            w.Line("{");
            w.Indent();
            w.Line("StatusCode = response.StatusCode,");
            w.Line("RequestId = response.RequestId,");
            foreach (var m in op.Output)
            {
                switch (m.Location)
                {
                    case Location.Header:
                        w.Line($"{m.Name} = {TypeNames.Local(m.Name, "Header")}Value,");
                        break;
                    case Location.PrefixHeaders:
                        w.Line($"{m.Name} = response.GetPrefixHeaders({TypeNames.Literal(m.WireName)}),");
                        break;
                    case Location.Body:
                        w.Line(XmlMembers.Assignment(m));
                        break;
                    case Location.Status:
                        w.Line($"{m.Name} = {TypeNames.Local(m.Name, "Status")},");
                        break;
                    case Location.Payload when m.IsJsonPayload:
                        w.Line(m.Required
                            ? $"{m.Name} = {TypeNames.Local(m.Name, "Payload")} ?? throw new global::System.Text.Json.JsonException(\"The response has no body.\"),"
                            : $"{m.Name} = {TypeNames.Local(m.Name, "Payload")},");
                        break;
                }
            }

            // The body stream is taken last, so a bad header cannot leak the connection.
            foreach (var m in op.Output.Where(m => m.IsStreamingPayload))
            {
                w.Line(m.Type.Kind == TypeKind.EventStream
                    ? $"{m.Name} = new {TypeNames.Of(m.Type)}(response.TakeBody(), {m.Type.ShapeName}Events.Decode, response.StatusCode, response.RequestId),"
                    : $"{m.Name} = response.TakeBody(),");
            }

            w.Dedent();
            w.Line(op.CustomResponse ? "});" : "};");
        }
    }

    /// <summary>Decodes what COS percent-encoded when the response's <c>when</c> member is <c>url</c>.</summary>
    private static void EmitUrlDecoding(SourceWriter w, UrlEncodedModel urlEncoded)
    {
        var when = TypeNames.Local(urlEncoded.When.Name, "Xml");
        var isUrl = urlEncoded.When.Type.Kind == TypeKind.Enum ? $"{when}?.Value == \"url\"" : $"{when} == \"url\"";
        w.Line("// COS percent-encoded these (encoding-type=url); the caller gets the keys themselves, as from the official SDKs.");
        using (w.Block($"if ({isUrl})"))
        {
            foreach (var path in urlEncoded.Paths)
            {
                var local = TypeNames.Local(path.Member, "Xml");
                if (path.Item is null)
                {
                    w.Line($"{local} = {TypeNames.Wire}.UrlDecode({local});");
                }
                else
                {
                    w.Line($"if ({local} is not null) for (var i = 0; i < {local}.Count; i++) {local}[i] = {local}[i] with {{ {path.Item} = {TypeNames.Wire}.UrlDecode({local}[i].{path.Item}) }};");
                }
            }
        }
    }

    private static string ClientRef(ServiceModel service, OperationModel op) => $"{service.ClientName}.{op.Name}Async";
}
