using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Cos.Generator.Diagnostics;
using Cos.Generator.Json;
using Cos.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace Cos.Generator.Parsing;

/// <summary>Turns a spec file into a <see cref="ServiceModel"/>, or into diagnostics that say what is wrong and where.</summary>
internal sealed class SpecParser
{
    private static readonly string[] Methods = ["GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"];
    private static readonly string[] ReservedInput = ["Region"];
    private static readonly string[] ReservedOutput = ["StatusCode", "RequestId", "Dispose", "DisposeAsync"];

    private readonly SpecReader _reader;
    private readonly Dictionary<string, TypeKind> _shapeKinds = new(StringComparer.Ordinal);

    // Where each shape member stands in the file, to point at it when a check that needs every operation (which codec
    // a shape gets) fails. Kept out of the model: spans change with every edit, the model must not.
    private readonly Dictionary<(string Shape, string Member), TextSpan> _shapeMemberSpans = [];

    /// <summary>The <c>"notConfigured"</c> values by operation, resolved once every operation is parsed.</summary>
    private readonly Dictionary<string, JsonValue> _notConfigured = new(StringComparer.Ordinal);

    /// <summary>The structures by name, for properties that reach into a member's shape.</summary>
    private readonly Dictionary<string, StructureModel> _structures = new(StringComparer.Ordinal);

    /// <summary>Structures with a string <c>Key</c> member, which <c>"cam": { "eachKeyOf" }</c> can name.</summary>
    private readonly HashSet<string> _structureKeys = new(StringComparer.Ordinal);

    private SpecParser(SpecReader reader) => _reader = reader;

    public static (ServiceModel? Model, EquatableArray<DiagnosticInfo> Diagnostics) Parse(string path, SourceText text)
    {
        var reader = new SpecReader(path, text);
        var model = new SpecParser(reader).ParseDocument(text.ToString());
        return (reader.HasErrors ? null : model, reader.Diagnostics.ToEquatableArray());
    }

    private ServiceModel? ParseDocument(string text)
    {
        JsonValue root;
        try
        {
            root = JsonParser.Parse(text);
        }
        catch (JsonParseException e)
        {
            _reader.Report(CosDiagnostics.InvalidJson, new TextSpan(Math.Min(e.Position, text.Length), 0), e.Message);
            return null;
        }

        if (root.Kind != JsonKind.Object)
        {
            _reader.Report(CosDiagnostics.InvalidValue, root.Span, "The spec must be a JSON object.");
            return null;
        }

        _reader.CheckProperties(root, "the spec", SpecVocabulary.Spec);
        var service = _reader.Object(root, "service", "The spec", required: true);
        var operations = _reader.Object(root, "operations", "The spec", required: true);
        var shapes = _reader.Object(root, "shapes", "The spec", required: false);
        var errors = _reader.Object(root, "errors", "The spec", required: false);
        if (service is null || operations is null)
        {
            return null;
        }

        _reader.CheckProperties(service, "'service'", SpecVocabulary.Service);
        var name = _reader.String(service, "name", "'service'", required: true) ?? "Cos";
        var ns = _reader.String(service, "namespace", "'service'", required: true) ?? "Cos";
        var client = _reader.String(service, "client", "'service'", required: true) ?? "CosClient";
        _reader.CheckIdentifier(name, service.Span, "The service name");
        _reader.CheckIdentifier(client, service.Span, "The client name");
        foreach (var part in ns.Split('.'))
        {
            _reader.CheckIdentifier(part, service.Span, "A namespace part");
        }

        if (shapes is not null)
        {
            foreach (var shape in shapes.Properties)
            {
                if (shape.Value.Kind == JsonKind.Object)
                {
                    _shapeKinds[shape.Name] = shape.Value.Find("enum") is not null ? TypeKind.Enum
                        : shape.Value.Find("events") is not null ? TypeKind.EventStream
                        : TypeKind.Structure;
                }
            }
        }

        var errorModels = errors is null ? [] : errors.Properties.Select(ParseError).Where(e => e is not null).Select(e => e!).ToList();
        var errorNames = new HashSet<string>(errorModels.Select(e => e.Name), StringComparer.Ordinal);

        var structures = new List<StructureModel>();
        var enums = new List<EnumModel>();
        var eventStreams = new List<EventStreamModel>();
        foreach (var shape in shapes?.Properties ?? [])
        {
            ParseShape(shape, structures, enums, eventStreams);
        }

        var operationModels = new List<OperationModel>();
        foreach (var operation in operations.Properties)
        {
            if (ParseOperation(operation, errorNames) is { } model)
            {
                operationModels.Add(model);
            }
        }

        structures = AssignCodecs(structures, operationModels, eventStreams);
        operationModels = AssignConfigurations(operationModels, errorModels);
        return new ServiceModel(name, ns, client, operationModels.ToEquatableArray(), structures.ToEquatableArray(), enums.ToEquatableArray(), eventStreams.ToEquatableArray(), errorModels.ToEquatableArray());
    }

    /// <summary>
    /// Resolves each <c>"notConfigured"</c>: a GET of one bare sub-resource whose error is documented, a PUT of the same
    /// sub-resource whose document is the GET's (same root and members, or the same JSON shape), and an optional DELETE.
    /// The three become one configuration group a server can serve generically; anything else is an error at the value.
    /// </summary>
    private List<OperationModel> AssignConfigurations(List<OperationModel> operations, List<ErrorModel> errors)
    {
        var result = operations.ToList();
        foreach (var pair in _notConfigured)
        {
            var index = result.FindIndex(o => o.Name == pair.Key);
            if (index < 0)
            {
                continue;
            }

            var get = result[index];
            var value = pair.Value;
            var where = $"'notConfigured' of the operation '{get.Name}'";
            void Fail(string message) => _reader.Report(CosDiagnostics.InvalidValue, value.Span, $"{where} {message}");

            if (value.Kind != JsonKind.String)
            {
                Fail("must be the name of an error.");
                continue;
            }

            var error = errors.FirstOrDefault(e => e.Name == value.Text);
            if (error is null || !get.Errors.Contains(value.Text!))
            {
                Fail($"names '{value.Text}', which must be in the top-level 'errors' table and in the operation's 'errors'.");
                continue;
            }

            if (get.Method != "GET" || get.SubResources.Length != 1 || get.SubResources[0].Value is not null)
            {
                Fail("applies to a GET of one bare sub-resource (GET /?policy).");
                continue;
            }

            var siblings = result.Where(o => o.Name != get.Name && o.ServiceScope == get.ServiceScope && o.HasKeyLabel == get.HasKeyLabel && o.SubResources.Equals(get.SubResources)).ToList();
            var put = siblings.FirstOrDefault(o => o.Method == "PUT");
            var delete = siblings.FirstOrDefault(o => o.Method == "DELETE");
            if (put is null)
            {
                Fail($"needs a PUT of the same sub-resource '?{get.SubResources[0].Name}', whose document the GET returns.");
                continue;
            }

            if (!SameDocument(put, get))
            {
                Fail($"needs the GET's document to be the PUT's: {put.Name}'s input and {get.Name}'s output must have the same XML root and members, or the same JSON payload shape.");
                continue;
            }

            ConfigurationModel Group(string verb) => new(verb, get.SubResources[0].Name, error.Name, error.Statuses[0], error.Doc, get.Name);
            foreach (var (operation, verb) in new[] { (get, "Get"), (put, "Put"), (delete, "Delete") })
            {
                if (operation is not null)
                {
                    var at = result.IndexOf(operation);
                    result[at] = operation with { Configuration = Group(verb) };
                }
            }
        }

        // Other GETs of a bare sub-resource whose PUT puts the same document (the ACL, whose absence has a default): the
        // server role gives them the document helpers, and their handlers are written by hand.
        foreach (var get in result.Where(o => o.Configuration is null && o.Method == "GET" && o.SubResources.Length == 1 && o.SubResources[0].Value is null).ToList())
        {
            var put = result.FirstOrDefault(o => o.Method == "PUT" && o.Configuration is null && o.ServiceScope == get.ServiceScope && o.HasKeyLabel == get.HasKeyLabel && o.SubResources.Equals(get.SubResources));
            if (put is not null && SameDocument(put, get))
            {
                ConfigurationModel Group(string verb) => new(verb, get.SubResources[0].Name, null, 0, null, get.Name);
                result[result.IndexOf(get)] = get with { Configuration = Group("Get") };
                result[result.IndexOf(put)] = put with { Configuration = Group("Put") };
            }
        }

        return result;
    }

    /// <summary>Whether the PUT's input document is the GET's output document.</summary>
    private static bool SameDocument(OperationModel put, OperationModel get)
    {
        var putJson = put.Input.FirstOrDefault(m => m.IsJsonPayload);
        var getJson = get.Output.FirstOrDefault(m => m.IsJsonPayload);
        if (putJson is not null || getJson is not null)
        {
            return putJson is not null && getJson is not null && putJson.Type == getJson.Type;
        }

        static string Key(MemberModel m) => $"{m.Name}|{m.Type}|{m.WireName}|{m.XmlFlattened}|{m.XmlItemName}|{m.XmlAttribute}|{m.XmlText}|{m.XmlNamespace}|{m.Format}";
        var putBody = put.Input.Where(m => m.Location == Location.Body).Select(Key).ToList();
        var getBody = get.Output.Where(m => m.Location == Location.Body).Select(Key).ToList();
        return put.InputXmlName is not null && put.InputXmlName == get.OutputXmlName && putBody.Count > 0 && putBody.SequenceEqual(getBody)
            && !get.Output.Any(m => m.Location is not (Location.Body or Location.Header));
    }

    /// <summary>
    /// Decides which codecs each structure needs from where it is used: XML (operation bodies, event payloads, and
    /// shapes no operation uses) and JSON (structure payloads). A member one of them cannot carry is an error at its line.
    /// </summary>
    private List<StructureModel> AssignCodecs(List<StructureModel> structures, List<OperationModel> operations, List<EventStreamModel> eventStreams)
    {
        var byName = structures.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var xml = new HashSet<string>(StringComparer.Ordinal);
        var json = new HashSet<string>(StringComparer.Ordinal);

        void Reach(TypeRef type, HashSet<string> set)
        {
            var shape = type.Kind == TypeKind.List ? type.Element! : type;
            if (shape.Kind == TypeKind.Structure && set.Add(shape.ShapeName!) && byName.TryGetValue(shape.ShapeName!, out var model))
            {
                foreach (var member in model.Members)
                {
                    Reach(member.Type, set);
                }
            }
        }

        foreach (var member in operations.SelectMany(o => o.Input.Concat(o.Output)))
        {
            if (member.Location == Location.Body)
            {
                Reach(member.Type, xml);
            }
            else if (member.IsJsonPayload)
            {
                Reach(member.Type, json);
            }
        }

        foreach (var e in eventStreams.SelectMany(s => s.Events).Where(e => e.ShapeName is not null))
        {
            Reach(new TypeRef(TypeKind.Structure, e.ShapeName), xml);
        }

        var result = new List<StructureModel>();
        foreach (var shape in structures)
        {
            var usedAsXml = xml.Contains(shape.Name) || !json.Contains(shape.Name);
            var usedAsJson = json.Contains(shape.Name);
            foreach (var m in shape.Members)
            {
                var span = _shapeMemberSpans.TryGetValue((shape.Name, m.Name), out var found) ? found : default;
                var where = $"member '{m.Name}' of the shape '{shape.Name}'";
                if (usedAsXml && XmlProblem(m) is { } xmlProblem)
                {
                    _reader.Report(CosDiagnostics.Unrepresentable, span, $"The {where} {xmlProblem}, and the shape is read or written as XML{(xml.Contains(shape.Name) ? string.Empty : " (no operation uses it, and unused shapes get the XML codec)")}.");
                }

                if (usedAsJson && JsonProblem(m) is { } jsonProblem)
                {
                    _reader.Report(CosDiagnostics.Unrepresentable, span, $"The {where} {jsonProblem}, and the shape is read or written as JSON (a \"format\": \"json\" payload uses it).");
                }
            }

            result.Add(shape with { Xml = usedAsXml, Json = usedAsJson });
        }

        return result;
    }

    /// <summary>Why a member cannot be an XML element, attribute or text; null when it can.</summary>
    private static string? XmlProblem(MemberModel m)
    {
        var type = m.Type.Kind == TypeKind.List ? m.Type.Element! : m.Type;
        return type.Kind switch
        {
            TypeKind.Json => "is raw JSON (type json), which has no XML form",
            TypeKind.Map => "is a map, which has no XML form",
            _ => null,
        };
    }

    /// <summary>Why a member cannot be a JSON property; null when it can.</summary>
    private static string? JsonProblem(MemberModel m) =>
        m.XmlAttribute || m.XmlText || m.XmlFlattened || m.XmlNamespace is not null || m.XmlAliases.Length > 0 || m.XmlItemName != "member"
            ? "uses XML-only properties (xmlAttribute, xmlText, xmlFlattened, xmlItemName, xmlAliases, xmlNamespace)"
            : m.Type.Kind == TypeKind.Map ? "is a map, which JSON documents of this generator do not carry" : null;

    private ErrorModel? ParseError(JsonProperty property)
    {
        var where = $"error '{property.Name}'";
        if (!_reader.CheckIdentifier(property.Name, property.NameSpan, "The error name"))
        {
            return null;
        }

        if (property.Value.Kind != JsonKind.Object)
        {
            _reader.Report(CosDiagnostics.InvalidValue, property.Value.Span, $"The {where} must be an object.");
            return null;
        }

        _reader.CheckProperties(property.Value, where, SpecVocabulary.Error);
        var status = property.Value.Find("status");
        var codes = new List<int>();
        if (status is null)
        {
            _reader.Report(CosDiagnostics.MissingProperty, property.NameSpan, $"The {where} needs the property 'status'.");
        }
        else
        {
            // One code can come with more than one status (InvalidObjectState: 403, or 409 for some operations).
            var items = status.Value.Kind == JsonKind.Array ? status.Value.Items : [status.Value];
            foreach (var item in items)
            {
                if (item.Kind != JsonKind.Number || !int.TryParse(item.Text, out var code) || code < 300 || code > 599 || codes.Contains(code))
                {
                    _reader.Report(CosDiagnostics.InvalidValue, item.Span, $"'status' in the {where} must be an HTTP error status (300-599), or an array of different ones.");
                    continue;
                }

                codes.Add(code);
            }

            if (items.Count == 0)
            {
                _reader.Report(CosDiagnostics.InvalidValue, status.Value.Span, $"'status' in the {where} must name at least one status.");
            }
        }

        return new ErrorModel(property.Name, codes.ToEquatableArray(), _reader.Boolean(property.Value, "retryable", where), _reader.String(property.Value, "doc", where, required: false));
    }

    private void ParseShape(JsonProperty property, List<StructureModel> structures, List<EnumModel> enums, List<EventStreamModel> eventStreams)
    {
        var where = $"shape '{property.Name}'";
        if (!_reader.CheckIdentifier(property.Name, property.NameSpan, "The shape name"))
        {
            return;
        }

        if (property.Value.Kind != JsonKind.Object)
        {
            _reader.Report(CosDiagnostics.InvalidValue, property.Value.Span, $"The {where} must be an object.");
            return;
        }

        var doc = _reader.String(property.Value, "doc", where, required: false);
        if (property.Value.Find("enum") is { } values)
        {
            _reader.CheckProperties(property.Value, where, SpecVocabulary.EnumShape);
            enums.Add(new EnumModel(property.Name, doc, ParseEnumValues(values.Value, where).ToEquatableArray()));
            return;
        }

        if (property.Value.Find("events") is not null)
        {
            _reader.CheckProperties(property.Value, where, SpecVocabulary.EventShape);
            if (_reader.Object(property.Value, "events", $"The {where}", required: true) is { } events)
            {
                eventStreams.Add(new EventStreamModel(property.Name, doc, ParseEvents(events, where).ToEquatableArray()));
            }

            return;
        }

        _reader.CheckProperties(property.Value, where, SpecVocabulary.StructureShape);
        var members = _reader.Object(property.Value, "members", $"The {where} (a structure, an enum with 'enum', or an event stream with 'events')", required: true);
        if (members is not null)
        {
            var parsed = ParseMembers(members, where, MemberContext.Shape);
            foreach (var member in members.Properties)
            {
                _shapeMemberSpans[(property.Name, member.Name)] = member.Value.Span;
            }

            CheckXmlLayout(parsed, members.Span, where, xmlName: null);
            if (parsed.Any(m => m.Name == "Key" && m.Type.Kind == TypeKind.String))
            {
                _structureKeys.Add(property.Name);
            }

            structures.Add(new StructureModel(property.Name, doc, parsed.ToEquatableArray()));
            _structures[property.Name] = structures[structures.Count - 1];
        }
    }

    /// <summary>The kinds of message of an event stream: each is named by its <c>:event-type</c>.</summary>
    private List<EventModel> ParseEvents(JsonValue events, string where)
    {
        var result = new List<EventModel>();
        if (events.Properties.Count == 0)
        {
            _reader.Report(CosDiagnostics.InvalidValue, events.Span, $"'events' of the {where} must name at least one event.");
        }

        foreach (var e in events.Properties)
        {
            var part = $"event '{e.Name}' of the {where}";
            if (!_reader.CheckIdentifier(e.Name, e.NameSpan, "The event name (its :event-type)"))
            {
                continue;
            }

            if (e.Value.Kind != JsonKind.Object)
            {
                _reader.Report(CosDiagnostics.InvalidValue, e.Value.Span, $"The {part} must be an object.");
                continue;
            }

            if (e.Name == "Payload" || $"shape '{e.Name}'" == where)
            {
                // Each event is a record nested in the shape's record, with a Payload property.
                _reader.Report(CosDiagnostics.InvalidName, e.NameSpan, $"The {part} cannot be named Payload or like its shape.");
                continue;
            }

            _reader.CheckProperties(e.Value, part, SpecVocabulary.Event);
            var payload = _reader.String(e.Value, "payload", part, required: false);
            var xmlName = _reader.String(e.Value, "xmlName", part, required: false);
            var kind = payload switch
            {
                null => EventPayload.None,
                "bytes" => EventPayload.Bytes,
                _ when _shapeKinds.TryGetValue(payload, out var k) && k == TypeKind.Structure => EventPayload.Xml,
                _ => (EventPayload?)null,
            };
            if (kind is null)
            {
                _reader.Report(CosDiagnostics.UnknownType, e.Value.Find("payload")!.Value.Span, $"'payload' of the {part} must be bytes or the name of a structure shape (read as XML), not '{payload}'.");
                continue;
            }

            if (xmlName is not null && kind != EventPayload.Xml)
            {
                _reader.Report(CosDiagnostics.Unrepresentable, e.Value.Find("xmlName")!.Value.Span, $"'xmlName' of the {part} names an XML root, but the payload is {(kind == EventPayload.Bytes ? "raw bytes" : "absent")}.");
            }

            result.Add(new EventModel(e.Name, _reader.String(e.Value, "doc", part, required: false), kind.Value, kind == EventPayload.Xml ? payload : null, xmlName ?? e.Name));
        }

        return result;
    }

    private List<EnumValue> ParseEnumValues(JsonValue values, string where)
    {
        var result = new List<EnumValue>();
        if (values.Kind != JsonKind.Array || values.Items.Count == 0)
        {
            _reader.Report(CosDiagnostics.InvalidValue, values.Span, $"'enum' in the {where} must be a non-empty array.");
            return result;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in values.Items)
        {
            string? name, value;
            if (item.Kind == JsonKind.String)
            {
                value = item.Text!;
                name = ToPascalCase(value);
            }
            else if (item.Kind == JsonKind.Object)
            {
                _reader.CheckProperties(item, $"a value of the {where}", SpecVocabulary.EnumValue);
                name = _reader.String(item, "name", $"A value of the {where}", required: true);
                value = _reader.String(item, "value", $"A value of the {where}", required: true);
            }
            else
            {
                _reader.Report(CosDiagnostics.InvalidValue, item.Span, $"A value of the {where} must be a string or {{ \"name\", \"value\" }}.");
                continue;
            }

            if (name is null || value is null || !_reader.CheckIdentifier(name, item.Span, $"The enum member name derived from '{value}' (give one with {{ \"name\", \"value\" }})"))
            {
                continue;
            }

            if (!names.Add(name))
            {
                _reader.Report(CosDiagnostics.InvalidName, item.Span, $"The enum member '{name}' is defined twice in the {where}.");
                continue;
            }

            result.Add(new EnumValue(name, value));
        }

        return result;
    }

    private OperationModel? ParseOperation(JsonProperty property, HashSet<string> errorNames)
    {
        var where = $"operation '{property.Name}'";
        if (!_reader.CheckIdentifier(property.Name, property.NameSpan, "The operation name"))
        {
            return null;
        }

        var operation = property.Value;
        if (operation.Kind != JsonKind.Object)
        {
            _reader.Report(CosDiagnostics.InvalidValue, operation.Span, $"The {where} must be an object.");
            return null;
        }

        _reader.CheckProperties(operation, where, SpecVocabulary.Operation);
        var http = _reader.Object(operation, "http", $"The {where}", required: true);
        var safetyText = _reader.String(operation, "safety", $"The {where}", required: true);
        if (http is null)
        {
            return null;
        }

        _reader.CheckProperties(http, $"'http' of the {where}", SpecVocabulary.Http);
        var method = _reader.String(http, "method", $"'http' of the {where}", required: true);
        var uri = _reader.String(http, "uri", $"'http' of the {where}", required: true);
        var hostKind = _reader.String(http, "host", $"'http' of the {where}", required: false) ?? "bucket";
        var httpSpan = http.Span;
        if (method is not null && Array.IndexOf(Methods, method) < 0)
        {
            _reader.Report(CosDiagnostics.InvalidValue, http.Find("method")!.Value.Span, $"The method of the {where} must be one of {string.Join(", ", Methods)}.");
        }

        if (hostKind is not ("bucket" or "service"))
        {
            _reader.Report(CosDiagnostics.InvalidValue, http.Find("host")!.Value.Span, $"'host' of the {where} must be 'bucket' or 'service'.");
        }

        var safety = safetyText switch
        {
            "readonly" => Safety.ReadOnly,
            "idempotent" => Safety.Idempotent,
            "conditional" => Safety.Conditional,
            "unsafe" => Safety.Unsafe,
            _ => (Safety?)null,
        };
        if (safety is null && safetyText is not null)
        {
            _reader.Report(CosDiagnostics.InvalidValue, operation.Find("safety")!.Value.Span, $"'safety' of the {where} must be readonly, idempotent, conditional or unsafe.");
        }

        var input = ParseShapeBody(operation, "input", where, MemberContext.Input, out var inputXmlName, out var inputXmlAlways);
        var output = ParseShapeBody(operation, "output", where, MemberContext.Output, out var outputXmlName, out _);

        var uriSpan = http.Find("uri")?.Value.Span ?? httpSpan;
        var (labels, subResources) = ParseUri(uri, uriSpan, where);
        // Members declared as labels count even if their type was rejected, so one mistake is reported once.
        var labelMembers = DeclaredLabels(operation);
        foreach (var label in labels.Where(l => !labelMembers.Contains(l)))
        {
            _reader.Report(CosDiagnostics.UriMismatch, uriSpan, $"The URI of the {where} has the label {{{label}}} but no input member '{label}' with \"in\": \"label\".");
        }

        foreach (var member in labelMembers.Where(m => !labels.Contains(m)))
        {
            _reader.Report(CosDiagnostics.UriMismatch, uriSpan, $"The input member '{member}' of the {where} is a label, but the URI has no {{{member}}} or {{{member}+}}.");
        }

        var hasHost = input.Any(m => m.Location == Location.Host);
        if (hostKind == "bucket" && !hasHost)
        {
            _reader.Report(CosDiagnostics.MissingProperty, httpSpan, $"The {where} is sent to a bucket and needs an input member with \"in\": \"host\" (Bucket).");
        }
        else if (hostKind == "service" && hasHost)
        {
            _reader.Report(CosDiagnostics.InvalidLocation, httpSpan, $"The {where} is sent to the service endpoint and cannot have a \"host\" member.");
        }

        var errors = new List<string>();
        if (operation.Find("errors") is { } errorList)
        {
            foreach (var error in _reader.Strings(operation, "errors", $"the {where}"))
            {
                if (errorNames.Contains(error))
                {
                    errors.Add(error);
                }
                else
                {
                    _reader.Report(CosDiagnostics.UnknownType, errorList.Value.Span, $"The {where} lists the error '{error}', which is not in the top-level 'errors' table.");
                }
            }
        }

        PaginationModel? pagination = null;
        if (_reader.Object(operation, "paginated", $"The {where}", required: false) is { } paginated)
        {
            pagination = ParsePagination(paginated, property.Name, where, input, output);
        }

        CheckCrc64Of(operation, where, input, output);
        CheckWireNames(operation, where, subResources, input, output, uriSpan);
        var (customRequest, customResponse) = ParseCustom(operation, where);
        var cam = ParseCam(operation, property.Name, where, input);
        if (operation.Find("notConfigured") is { } notConfigured)
        {
            _notConfigured[property.Name] = notConfigured.Value;
        }

        var urlEncoded = ParseUrlEncoded(operation, where, output);
        return new OperationModel(
            property.Name,
            _reader.String(operation, "doc", $"the {where}", required: false),
            _reader.String(operation, "docUrl", $"the {where}", required: false),
            method ?? "GET",
            hostKind == "service",
            labels.Count > 0,
            subResources.ToEquatableArray(),
            safety ?? Safety.Unsafe,
            input.ToEquatableArray(),
            inputXmlName,
            output.ToEquatableArray(),
            outputXmlName,
            errors.ToEquatableArray(),
            pagination,
            cam,
            _reader.String(operation, "jsSdk", $"the {where}", required: false),
            SuccessCode(http, where),
            customRequest,
            customResponse)
        {
            UrlEncoded = urlEncoded,
            InputXmlAlways = inputXmlAlways,
        };
    }

    /// <summary>
    /// <c>"urlEncoded": { "when": "EncodingType", "members": ["Prefix", "Contents.Key"] }</c>: <c>when</c> names a string or
    /// enum output body member, each entry a string output body member or <c>List.Member</c>, a string member of the
    /// structures of an output body list.
    /// </summary>
    private UrlEncodedModel? ParseUrlEncoded(JsonValue operation, string where, List<MemberModel> output)
    {
        if (_reader.Object(operation, "urlEncoded", $"The {where}", required: false) is not { } value)
        {
            return null;
        }

        var part = $"'urlEncoded' of the {where}";
        _reader.CheckProperties(value, part, SpecVocabulary.UrlEncoded);
        var whenName = _reader.String(value, "when", $"The {part}", required: true);
        var when = output.FirstOrDefault(m => m.Name == whenName && m.Location == Location.Body && m.Type.Kind is TypeKind.String or TypeKind.Enum);
        if (whenName is not null && when is null)
        {
            _reader.Report(CosDiagnostics.InvalidValue, value.Find("when")!.Value.Span, $"'when' in {part} must name a string or enum output body member; '{whenName}' is not one.");
        }

        var paths = new List<UrlEncodedPath>();
        foreach (var path in _reader.Strings(value, "members", part))
        {
            var dot = path.IndexOf('.');
            var name = dot < 0 ? path : path.Substring(0, dot);
            var item = dot < 0 ? null : path.Substring(dot + 1);
            var member = output.FirstOrDefault(m => m.Name == name && m.Location == Location.Body);
            var fits = item is null
                ? member?.Type.Kind == TypeKind.String
                : member?.Type.Kind == TypeKind.List && member.Type.Element!.Kind == TypeKind.Structure
                    && _structures.TryGetValue(member.Type.Element.ShapeName!, out var shape) && shape.Members.Any(m => m.Name == item && m.Type.Kind == TypeKind.String);
            if (!fits)
            {
                _reader.Report(CosDiagnostics.InvalidValue, value.Find("members")!.Value.Span, $"'{path}' in {part} must be a string output body member, or List.Member for a string member of the structures of an output list.");
                continue;
            }

            paths.Add(new UrlEncodedPath(name, item));
        }

        return when is null ? null : new UrlEncodedModel(when, paths.ToEquatableArray());
    }

    /// <summary>
    /// <c>"custom": ["request", "response"]</c>: the generated marshaller calls hand-written <c>static partial</c> hooks
    /// for a quirk the vocabulary should not grow for; the compiler refuses a build where one is missing (CS8795).
    /// </summary>
    private (bool Request, bool Response) ParseCustom(JsonValue operation, string where)
    {
        if (operation.Find("custom") is not { } custom)
        {
            return (false, false);
        }

        var hooks = _reader.Strings(operation, "custom", $"the {where}");
        foreach (var hook in hooks.Where(h => h is not ("request" or "response")))
        {
            _reader.Report(CosDiagnostics.InvalidValue, custom.Value.Span, $"'custom' of the {where} lists '{hook}'; the hooks are request and response.");
        }

        if (hooks.Count == 0)
        {
            _reader.Report(CosDiagnostics.InvalidValue, custom.Value.Span, $"'custom' of the {where} must list at least one hook: request, response.");
        }

        return (hooks.Contains("request"), hooks.Contains("response"));
    }

    /// <summary>
    /// Two members (or a member and a literal sub-resource) on one query key or header would send the parameter twice,
    /// and two <c>"in": "status"</c> members on one status would both claim it.
    /// </summary>
    private void CheckWireNames(JsonValue operation, string where, List<SubResource> subResources, List<MemberModel> input, List<MemberModel> output, TextSpan uriSpan)
    {
        var query = new HashSet<string>(subResources.Select(s => s.Name), StringComparer.Ordinal);
        var headers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var inputSpan = operation.Find("input")?.Value.Span ?? uriSpan;
        foreach (var m in input)
        {
            if (m.Location == Location.Query && !query.Add(m.WireName))
            {
                _reader.Report(CosDiagnostics.InvalidName, inputSpan, $"The input member '{m.Name}' of the {where} is the query parameter '{m.WireName}', which the URI or another member already sends.");
            }
            else if (m.Location == Location.Header && !headers.Add(m.WireName))
            {
                _reader.Report(CosDiagnostics.InvalidName, inputSpan, $"The input member '{m.Name}' of the {where} is the header '{m.WireName}', which another member already sends.");
            }
        }

        var statuses = new HashSet<int>();
        foreach (var m in output.Where(m => m.Location == Location.Status && m.Status is not null))
        {
            if (!statuses.Add(m.Status!.Value))
            {
                _reader.Report(CosDiagnostics.InvalidValue, operation.Find("output")!.Value.Span, $"The output member '{m.Name}' of the {where} is set by the status {m.Status}, which another member already claims.");
            }
        }
    }

    /// <summary><c>http.code</c>: the documented success status (200 when omitted), which the emulator answers with.</summary>
    private int SuccessCode(JsonValue http, string where)
    {
        if (http.Find("code") is not { } code)
        {
            return 200;
        }

        if (code.Value.Kind != JsonKind.Number || !int.TryParse(code.Value.Text, out var status) || status < 200 || status > 299)
        {
            _reader.Report(CosDiagnostics.InvalidValue, code.Value.Span, $"'code' in 'http' of the {where} must be a 2xx status.");
            return 200;
        }

        return status;
    }

    /// <summary>
    /// <c>"cam"</c>: the CAM action (default: the operation name) and where its resource key comes from when it is not
    /// the object key. <c>resourceQuery</c> names an input query member, <c>eachKeyOf</c> an input list of structures with
    /// a string <c>Key</c>, <c>copySource</c> an input header member.
    /// </summary>
    private CamModel ParseCam(JsonValue operation, string name, string where, List<MemberModel> input)
    {
        if (_reader.Object(operation, "cam", $"The {where}", required: false) is not { } cam)
        {
            return new CamModel(name, null, null, null);
        }

        var part = $"'cam' of the {where}";
        _reader.CheckProperties(cam, part, SpecVocabulary.Cam);
        var action = _reader.String(cam, "action", $"The {part}", required: true) ?? name;
        if (action.StartsWith("name/", StringComparison.Ordinal) || action.IndexOf(':') >= 0)
        {
            _reader.Report(CosDiagnostics.InvalidValue, cam.Find("action")!.Value.Span, $"'action' in {part} is the action's name without 'name/cos:' ('{action}' is not).");
        }

        MemberModel? Member(string property, Func<MemberModel, bool> fits, string what)
        {
            var memberName = _reader.String(cam, property, part, required: false);
            if (memberName is null)
            {
                return null;
            }

            var member = input.FirstOrDefault(m => m.Name == memberName);
            if (member is null || !fits(member))
            {
                _reader.Report(CosDiagnostics.InvalidValue, cam.Find(property)!.Value.Span, $"'{property}' in {part} must name {what}; '{memberName}' is not one.");
                return null;
            }

            return member;
        }

        var resourceQuery = Member("resourceQuery", m => m.Location == Location.Query && m.Type.Kind == TypeKind.String, "a string input query member");
        var eachKeyOf = Member("eachKeyOf", m => m.Location == Location.Body && m.Type.Kind == TypeKind.List && m.Type.Element!.Kind == TypeKind.Structure && _structureKeys.Contains(m.Type.Element.ShapeName!), "an input list of structures with a string 'Key' member");
        var copySource = Member("copySource", m => m.Location == Location.Header && m.Type.Kind == TypeKind.String, "a string input header member");
        return new CamModel(action, resourceQuery, eachKeyOf, copySource);
    }

    /// <summary>A <c>"crc64Of"</c> needs the body it names (an input or output payload), and an operation checks one body at most.</summary>
    private void CheckCrc64Of(JsonValue operation, string where, List<MemberModel> input, List<MemberModel> output)
    {
        var checks = output.Where(m => m.Crc64Of != BodyChecksum.None).ToList();
        if (checks.Count == 0)
        {
            return;
        }

        var span = operation.Find("output")?.Value.Span ?? operation.Span;
        if (checks.Count > 1)
        {
            _reader.Report(CosDiagnostics.InvalidValue, span, $"The {where} has more than one output member with 'crc64Of'; one body can be checked.");
            return;
        }

        var check = checks[0];
        var body = check.Crc64Of == BodyChecksum.RequestBody ? input : output;
        if (!body.Any(m => m.Location == Location.Payload))
        {
            var side = check.Crc64Of == BodyChecksum.RequestBody ? "input" : "output";
            _reader.Report(CosDiagnostics.InvalidValue, span, $"The output member '{check.Name}' of the {where} is the CRC-64 of the {side} payload, but the {where} has no {side} member with \"in\": \"payload\".");
        }
    }

    private static List<string> DeclaredLabels(JsonValue operation)
    {
        var members = operation.Find("input")?.Value.Find("members")?.Value;
        return members is null
            ? []
            : members.Properties.Where(p => p.Value.Find("in")?.Value.Text == "label").Select(p => p.Name).ToList();
    }

    private (List<string> Labels, List<SubResource> SubResources) ParseUri(string? uri, TextSpan span, string where)
    {
        var labels = new List<string>();
        var subResources = new List<SubResource>();
        if (uri is null)
        {
            return (labels, subResources);
        }

        var question = uri.IndexOf('?');
        var path = question < 0 ? uri : uri.Substring(0, question);
        if (!path.StartsWith("/", StringComparison.Ordinal))
        {
            _reader.Report(CosDiagnostics.InvalidValue, span, $"The URI of the {where} must start with '/'.");
        }

        foreach (var segment in path.Split(['/'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.Length > 2 && segment[0] == '{' && segment[segment.Length - 1] == '}')
            {
                labels.Add(segment.Substring(1, segment.Length - 2).TrimEnd('+'));
            }
            else
            {
                _reader.Report(CosDiagnostics.UriMismatch, span, $"The URI path of the {where} may only hold labels such as {{Key+}}; '{segment}' is not one.");
            }
        }

        if (labels.Count > 1)
        {
            _reader.Report(CosDiagnostics.UriMismatch, span, $"The URI of the {where} may have at most one label (the object key).");
        }

        if (question >= 0)
        {
            foreach (var pair in uri.Substring(question + 1).Split(['&'], StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                if (equals == 0 || pair.IndexOfAny(['{', '}', '/', '?', '#']) >= 0)
                {
                    _reader.Report(CosDiagnostics.UriMismatch, span, $"The query of the URI of the {where} has '{pair}'; literal sub-resources are a name, or name=value, without labels (query members carry values).");
                    continue;
                }

                subResources.Add(equals < 0 ? new SubResource(pair, null) : new SubResource(pair.Substring(0, equals), pair.Substring(equals + 1)));
            }
        }

        return (labels, subResources);
    }

    private List<MemberModel> ParseShapeBody(JsonValue operation, string name, string where, MemberContext context, out string? xmlName, out bool xmlAlways)
    {
        xmlName = null;
        xmlAlways = false;
        var body = _reader.Object(operation, name, $"The {where}", required: false);
        if (body is null)
        {
            return [];
        }

        var part = $"{name} of the {where}";
        _reader.CheckProperties(body, part, SpecVocabulary.MemberList);
        xmlName = _reader.String(body, "xmlName", part, required: false);
        var membersValue = _reader.Object(body, "members", $"The {part}", required: true);
        var members = membersValue is null ? [] : ParseMembers(membersValue, part, context);

        var payloads = members.Count(m => m.Location == Location.Payload);
        var bodyMembers = members.Count(m => m.Location == Location.Body);
        if (payloads > 1 || (payloads == 1 && bodyMembers > 0))
        {
            _reader.Report(CosDiagnostics.InvalidLocation, body.Span, $"The {part} may have one payload member or XML body members, not both or several payloads.");
        }

        if (bodyMembers > 0 && xmlName is null)
        {
            _reader.Report(CosDiagnostics.MissingProperty, body.Span, $"The {part} has XML body members and needs 'xmlName' for the root element.");
        }

        // A root element nothing is read from would compile and always come back empty: refuse it.
        if (bodyMembers == 0 && xmlName is not null && membersValue is not null && !members.Any(m => m.Location == Location.Payload))
        {
            var declaredBody = membersValue.Properties.Any(p => p.Value.Kind == JsonKind.String || p.Value.Find("in") is null);
            if (!declaredBody)
            {
                _reader.Report(CosDiagnostics.Unrepresentable, body.Find("xmlName")!.Value.Span, $"The {part} names the root element <{xmlName}>, but no member is read from or written to it; for the root's own text (<{xmlName}>value</{xmlName}>) add a member with \"xmlText\": true.");
            }
        }
        else if (payloads == 1 && xmlName is not null)
        {
            _reader.Report(CosDiagnostics.Unrepresentable, body.Find("xmlName")!.Value.Span, $"The {part} has a payload member, so 'xmlName' names a root element nothing uses.");
        }

        if (context == MemberContext.Input && members.Count(m => m.Location == Location.Host) > 1)
        {
            _reader.Report(CosDiagnostics.InvalidLocation, body.Span, $"The {part} may have only one \"host\" member.");
        }

        // "xmlAlways": the request's root is written even when no body member is set (an empty <BucketLoggingStatus/>
        // turns logging off). Only a request's root is ever left out, and only a root with members can be empty.
        xmlAlways = _reader.Boolean(body, "xmlAlways", part);
        if (body.Find("xmlAlways") is { } always && always.Value.Kind == JsonKind.True)
        {
            if (context != MemberContext.Input)
            {
                _reader.Report(CosDiagnostics.Unrepresentable, always.Value.Span, $"'xmlAlways' of the {part} applies to an input: a response's root is read whatever it holds.");
                xmlAlways = false;
            }
            else if (bodyMembers == 0 || xmlName is null)
            {
                _reader.Report(CosDiagnostics.Unrepresentable, always.Value.Span, $"'xmlAlways' of the {part} needs 'xmlName' and XML body members: it sends their root when none of them is set.");
                xmlAlways = false;
            }
            else if (members.Any(m => m.Location == Location.Body && m.Required))
            {
                _reader.Report(CosDiagnostics.Unrepresentable, always.Value.Span, $"'xmlAlways' of the {part} says nothing: a required body member already makes the root always sent.");
                xmlAlways = false;
            }
        }

        CheckXmlLayout(members.Where(m => m.Location == Location.Body).ToList(), body.Span, part, xmlName);
        return members;
    }

    /// <summary>
    /// The members of one XML element: attributes, and then either its own text (one <c>xmlText</c> member) or child
    /// elements, never both; and nothing XML can't hold.
    /// </summary>
    private void CheckXmlLayout(List<MemberModel> members, TextSpan span, string where, string? xmlName)
    {
        var texts = members.Where(m => m.XmlText).ToList();
        var elements = members.Where(m => m.IsXmlElement).ToList();
        var element = xmlName is null ? "its element" : $"<{xmlName}>";
        if (texts.Count > 1)
        {
            _reader.Report(CosDiagnostics.Unrepresentable, span, $"The {where} has more than one member with \"xmlText\" ({string.Join(", ", texts.Select(t => t.Name))}); an element has one text.");
        }
        else if (texts.Count == 1 && elements.Count > 0)
        {
            _reader.Report(CosDiagnostics.Unrepresentable, span, $"The {where} has the text member '{texts[0].Name}' and the element members {string.Join(", ", elements.Select(e => e.Name))}; {element} holds either its own text or child elements.");
        }

        foreach (var m in members.Where(m => !m.IsXmlElement && m.XmlAttribute && m.XmlText))
        {
            _reader.Report(CosDiagnostics.Unrepresentable, span, $"The member '{m.Name}' of the {where} cannot be both an attribute and the text.");
        }
    }

    private List<MemberModel> ParseMembers(JsonValue members, string where, MemberContext context)
    {
        var result = new List<MemberModel>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in members.Properties)
        {
            if (!_reader.CheckIdentifier(property.Name, property.NameSpan, "The member name"))
            {
                continue;
            }

            var reserved = context == MemberContext.Input ? ReservedInput : context == MemberContext.Output ? ReservedOutput : [];
            if (!names.Add(property.Name) || Array.IndexOf(reserved, property.Name) >= 0)
            {
                _reader.Report(CosDiagnostics.InvalidName, property.NameSpan, $"The member '{property.Name}' of the {where} is defined twice or uses a name the base type already has.");
                continue;
            }

            if (ParseMember(property, $"member '{property.Name}' of the {where}", context) is { } member)
            {
                result.Add(member);
            }
        }

        return result;
    }

    private MemberModel? ParseMember(JsonProperty property, string where, MemberContext context)
    {
        var value = property.Value;
        if (value.Kind == JsonKind.String)
        {
            var shorthand = ParseType(value.Text!, value.Span, where);
            if (shorthand is null)
            {
                return null;
            }

            var problem = LocationProblem(shorthand, Location.Body, context);
            if (problem is not null)
            {
                _reader.Report(CosDiagnostics.InvalidLocation, value.Span, $"The {where} {problem}.");
                return null;
            }

            return new MemberModel(property.Name, shorthand, Location.Body, property.Name, false, null, TimestampFormat.Iso8601, false, "member", new EquatableArray<string>([]));
        }

        if (value.Kind != JsonKind.Object)
        {
            _reader.Report(CosDiagnostics.InvalidValue, value.Span, $"The {where} must be a type name or an object.");
            return null;
        }

        _reader.CheckProperties(value, where, SpecVocabulary.Member);
        var typeText = _reader.String(value, "type", $"The {where}", required: true);
        var type = typeText is null ? null : ParseType(typeText, value.Find("type")!.Value.Span, where);
        var locationText = _reader.String(value, "in", where, required: false);
        var location = locationText switch
        {
            null or "body" => Location.Body,
            "host" => Location.Host,
            "label" => Location.Label,
            "query" => Location.Query,
            "header" => Location.Header,
            "prefixHeaders" => Location.PrefixHeaders,
            "payload" => Location.Payload,
            "status" => Location.Status,
            _ => (Location?)null,
        };
        if (location is null)
        {
            _reader.Report(CosDiagnostics.InvalidValue, value.Find("in")!.Value.Span, $"'in' of the {where} must be host, label, query, header, prefixHeaders, payload, status or body.");
            return null;
        }

        if (type is null)
        {
            return null;
        }

        var locationProblem = LocationProblem(type, location.Value, context);
        if (locationProblem is not null)
        {
            _reader.Report(CosDiagnostics.InvalidLocation, value.Span, $"The {where} {locationProblem}.");
            return null;
        }

        var required = _reader.Boolean(value, "required", where);
        var wireName = _reader.String(value, "name", where, required: false) ?? property.Name;
        var flattened = _reader.Boolean(value, "xmlFlattened", where);
        var itemName = _reader.String(value, "xmlItemName", where, required: false);
        if ((flattened || itemName is not null) && type.Kind != TypeKind.List)
        {
            _reader.Report(CosDiagnostics.InvalidValue, value.Span, $"'xmlFlattened' and 'xmlItemName' of the {where} apply to lists only.");
        }

        var format = ParseFormat(value, type, location.Value, where);
        var member = new MemberModel(
            property.Name,
            type,
            location.Value,
            wireName,
            required,
            _reader.String(value, "doc", where, required: false),
            format,
            flattened,
            itemName ?? "member",
            _reader.Strings(value, "xmlAliases", where).ToEquatableArray(),
            ParseCrc64Of(value, type, location.Value, where, context));

        member = ParseXmlPlacement(value, member, where);
        member = ParseStatus(value, member, where);
        return ParseRange(value, member, where, context);
    }

    /// <summary>
    /// <c>"format"</c>: how a timestamp is written (<c>http-date</c>, <c>iso8601</c>, <c>unix-seconds</c>), or
    /// <c>json</c> for a structure payload (the document's only format: XML documents are body members).
    /// </summary>
    private TimestampFormat ParseFormat(JsonValue value, TypeRef type, Location location, string where)
    {
        var fallback = location == Location.Body ? TimestampFormat.Iso8601 : TimestampFormat.HttpDate;
        var format = value.Find("format");
        var text = format?.Value.Text;
        if (type.Kind == TypeKind.Structure && location == Location.Payload)
        {
            if (text != "json")
            {
                _reader.Report(CosDiagnostics.Unrepresentable, format?.Value.Span ?? value.Span, $"The {where} is a structure payload and needs \"format\": \"json\" (an XML document is written as body members under the input's or output's 'xmlName').");
            }

            return fallback;
        }

        if (format is null)
        {
            return fallback;
        }

        if (text == "json")
        {
            _reader.Report(CosDiagnostics.Unrepresentable, format.Value.Span, $"'format' json of the {where} applies only to a payload (\"in\": \"payload\") whose type is a structure shape.");
            return fallback;
        }

        var parsed = text switch
        {
            "http-date" => TimestampFormat.HttpDate,
            "iso8601" => TimestampFormat.Iso8601,
            "unix-seconds" => TimestampFormat.UnixSeconds,
            _ => (TimestampFormat?)null,
        };
        var element = type.Kind == TypeKind.List ? type.Element! : type;
        if (parsed is null || element.Kind != TypeKind.Timestamp)
        {
            _reader.Report(CosDiagnostics.InvalidValue, format.Value.Span, $"'format' of the {where} applies to timestamps (http-date, iso8601 or unix-seconds) and to structure payloads (json).");
            return fallback;
        }

        return parsed.Value;
    }

    /// <summary><c>"xmlAttribute"</c>, <c>"xmlText"</c> and <c>"xmlNamespace"</c>: where in its element an XML member goes.</summary>
    private MemberModel ParseXmlPlacement(JsonValue value, MemberModel member, string where)
    {
        var attribute = _reader.Boolean(value, "xmlAttribute", where);
        var text = _reader.Boolean(value, "xmlText", where);
        var ns = _reader.String(value, "xmlNamespace", where, required: false);
        if (!attribute && !text && ns is null)
        {
            return member;
        }

        var span = value.Find(attribute ? "xmlAttribute" : text ? "xmlText" : "xmlNamespace")!.Value.Span;
        if (member.Location != Location.Body)
        {
            _reader.Report(CosDiagnostics.Unrepresentable, span, $"The {where} is not in the XML body, so it cannot be an XML attribute or text.");
        }
        else if ((attribute || text) && !member.Type.IsScalar)
        {
            _reader.Report(CosDiagnostics.Unrepresentable, span, $"The {where} is an XML {(attribute ? "attribute" : "text")} and must be a scalar (string, number, boolean, timestamp or enum), not {member.Type.Kind.ToString().ToLowerInvariant()}.");
        }

        var colon = member.WireName.IndexOf(':');
        if (ns is not null && (!attribute || colon <= 0))
        {
            _reader.Report(CosDiagnostics.InvalidValue, value.Find("xmlNamespace")!.Value.Span, $"'xmlNamespace' of the {where} is the namespace of a prefixed attribute: it needs \"xmlAttribute\": true and a name such as xsi:type.");
        }
        else if (attribute && colon > 0 && ns is null)
        {
            _reader.Report(CosDiagnostics.Unrepresentable, span, $"The attribute '{member.WireName}' of the {where} has a prefix but no 'xmlNamespace' to bind it to.");
        }

        if (attribute && colon >= 0 && (colon == 0 || colon == member.WireName.Length - 1 || member.WireName.IndexOf(':', colon + 1) >= 0))
        {
            _reader.Report(CosDiagnostics.InvalidValue, span, $"The attribute name '{member.WireName}' of the {where} must be name or prefix:name.");
        }

        return member with { XmlAttribute = attribute, XmlText = text, XmlNamespace = ns };
    }

    /// <summary><c>"in": "status"</c> with <c>"status": 304</c>: a boolean output set when the answer has that status, which is then a success.</summary>
    private MemberModel ParseStatus(JsonValue value, MemberModel member, string where)
    {
        var status = value.Find("status");
        if (member.Location != Location.Status)
        {
            if (status is not null)
            {
                _reader.Report(CosDiagnostics.InvalidValue, status.Value.Span, $"'status' of the {where} applies only to a member with \"in\": \"status\".");
            }

            return member;
        }

        if (status is null)
        {
            _reader.Report(CosDiagnostics.MissingProperty, value.Span, $"The {where} is \"in\": \"status\" and needs 'status', the HTTP status that sets it (304).");
            return member;
        }

        if (status.Value.Kind != JsonKind.Number || !int.TryParse(status.Value.Text, out var code) || code < 200 || code > 499)
        {
            // 5xx stay errors: they are what the retry policy acts on.
            _reader.Report(CosDiagnostics.InvalidValue, status.Value.Span, $"'status' of the {where} must be an HTTP status from 200 to 499.");
            return member;
        }

        return member with { Status = code };
    }

    /// <summary>
    /// <c>"min"</c>/<c>"max"</c> (integers; checked before sending) and <c>"default"</c> (what COS assumes when the member
    /// is not sent); all reach the XML docs.
    /// </summary>
    private MemberModel ParseRange(JsonValue value, MemberModel member, string where, MemberContext context)
    {
        var min = Bound(value, "min", member, where);
        var max = Bound(value, "max", member, where);
        if (min is not null && max is not null && min > max)
        {
            _reader.Report(CosDiagnostics.InvalidValue, value.Find("min")!.Value.Span, $"'min' of the {where} is above its 'max'.");
        }

        string? defaultText = null;
        if (value.Find("default") is { } fallback)
        {
            var v = fallback.Value;
            var kind = member.Type.Kind;
            var fits = kind switch
            {
                TypeKind.Int32 or TypeKind.Int64 or TypeKind.UInt64 => Integer(v, member.Type) is { } n && (min is null || n >= min) && (max is null || n <= max),
                TypeKind.Boolean => v.Kind is JsonKind.True or JsonKind.False,
                TypeKind.String or TypeKind.Enum => v.Kind == JsonKind.String,
                _ => false,
            };
            if (!fits || member.Required || context == MemberContext.Output)
            {
                _reader.Report(CosDiagnostics.InvalidValue, v.Span, $"'default' of the {where} must be a value of its type (a number within min/max, true/false or a string) on an optional input or shape member.");
            }
            else
            {
                defaultText = v.Kind switch { JsonKind.True => "true", JsonKind.False => "false", _ => v.Text };
            }
        }

        return member with
        {
            Min = min?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Max = max?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Default = defaultText,
        };
    }

    private decimal? Bound(JsonValue value, string name, MemberModel member, string where)
    {
        if (value.Find(name) is not { } bound)
        {
            return null;
        }

        if (member.Type.Kind is not (TypeKind.Int32 or TypeKind.Int64 or TypeKind.UInt64) || member.Location is not (Location.Query or Location.Header or Location.Body))
        {
            _reader.Report(CosDiagnostics.InvalidValue, bound.Value.Span, $"'{name}' of the {where} applies to integer (int32, int64, uint64) query, header and body members.");
            return null;
        }

        var number = Integer(bound.Value, member.Type);
        if (number is null)
        {
            _reader.Report(CosDiagnostics.InvalidValue, bound.Value.Span, $"'{name}' of the {where} must be an integer that fits {member.Type.Kind.ToString().ToLowerInvariant()}.");
        }

        return number;
    }

    private static decimal? Integer(JsonValue value, TypeRef type)
    {
        if (value.Kind != JsonKind.Number || !decimal.TryParse(value.Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var (low, high) = type.Kind switch
        {
            TypeKind.Int32 => ((decimal)int.MinValue, (decimal)int.MaxValue),
            TypeKind.Int64 => ((decimal)long.MinValue, (decimal)long.MaxValue),
            _ => (0m, (decimal)ulong.MaxValue),
        };
        return number >= low && number <= high ? number : null;
    }

    /// <summary>
    /// <c>"crc64Of"</c>: the body whose CRC-64 an output header carries (<c>requestBody</c>, <c>responseBody</c>); the
    /// runtime checks it. Only a uint64 output header can carry one.
    /// </summary>
    private BodyChecksum ParseCrc64Of(JsonValue value, TypeRef type, Location location, string where, MemberContext context)
    {
        if (value.Find("crc64Of") is not { } property)
        {
            return BodyChecksum.None;
        }

        var target = property.Value.Text switch
        {
            "requestBody" => BodyChecksum.RequestBody,
            "responseBody" => BodyChecksum.ResponseBody,
            _ => (BodyChecksum?)null,
        };
        if (target is null)
        {
            _reader.Report(CosDiagnostics.InvalidValue, property.Value.Span, $"'crc64Of' of the {where} must be requestBody or responseBody.");
            return BodyChecksum.None;
        }

        if (context != MemberContext.Output || location != Location.Header || type.Kind != TypeKind.UInt64)
        {
            _reader.Report(CosDiagnostics.InvalidValue, property.Value.Span, $"'crc64Of' of the {where} applies only to a uint64 output header (the CRC-64 COS reports).");
            return BodyChecksum.None;
        }

        return target.Value;
    }

    private static string? LocationProblem(TypeRef type, Location location, MemberContext context)
    {
        if (context == MemberContext.Shape && location != Location.Body)
        {
            return "is inside a shape, where members can only be XML elements (no 'in')";
        }

        if (context == MemberContext.Output && location is Location.Host or Location.Label or Location.Query)
        {
            return "is an output member and can only be a header, prefixHeaders, payload, status or body member";
        }

        if (context != MemberContext.Output && location == Location.Status)
        {
            return "is \"in\": \"status\", which only an output member can be";
        }

        if (type.Kind == TypeKind.EventStream && (location != Location.Payload || context != MemberContext.Output))
        {
            return "is an event stream, which only an output payload can be";
        }

        if (type.Kind == TypeKind.List && type.Element!.Kind == TypeKind.Json && location != Location.Body)
        {
            return "is a list of raw JSON, which can only live in a JSON document";
        }

        return location switch
        {
            Location.Host or Location.Label when type.Kind != TypeKind.String => "must be a string to be a host or label",
            Location.Query or Location.Header when !type.IsScalar => "must be a scalar (string, number, boolean, timestamp or enum) to be a query or header",
            Location.PrefixHeaders when type.Kind != TypeKind.Map => "must be map<string,string> to be prefixHeaders",
            Location.Payload when type.Kind is not (TypeKind.Stream or TypeKind.Structure or TypeKind.EventStream) => "must be a stream, a structure (\"format\": \"json\") or an event stream to be the payload",
            Location.Status when type.Kind != TypeKind.Boolean => "must be a boolean to be \"in\": \"status\"",
            Location.Body when type.Kind is TypeKind.Stream or TypeKind.Map => "is a stream or map and must say where it lives with 'in'",
            Location.Body when context != MemberContext.Shape && type.Kind == TypeKind.Json => "is raw JSON (type json), which has no XML form; it can be a member of a shape used in a JSON payload",
            _ => null,
        };
    }

    private TypeRef? ParseType(string text, TextSpan span, string where)
    {
        var trimmed = text.Replace(" ", string.Empty);
        switch (trimmed)
        {
            case "string": return new TypeRef(TypeKind.String);
            case "boolean": return new TypeRef(TypeKind.Boolean);
            case "int32": return new TypeRef(TypeKind.Int32);
            case "int64": return new TypeRef(TypeKind.Int64);
            case "uint64": return new TypeRef(TypeKind.UInt64);
            case "timestamp": return new TypeRef(TypeKind.Timestamp);
            case "stream": return new TypeRef(TypeKind.Stream);
            case "json": return new TypeRef(TypeKind.Json);
            case "map<string,string>": return new TypeRef(TypeKind.Map, Element: new TypeRef(TypeKind.String));
        }

        if (trimmed.StartsWith("list<", StringComparison.Ordinal) && trimmed.EndsWith(">", StringComparison.Ordinal))
        {
            var element = ParseType(trimmed.Substring(5, trimmed.Length - 6), span, where);
            if (element is null)
            {
                return null;
            }

            if (element.Kind is TypeKind.List or TypeKind.Map or TypeKind.Stream or TypeKind.EventStream)
            {
                _reader.Report(CosDiagnostics.UnknownType, span, $"The {where} has the type '{text}'; list items must be scalars or structures.");
                return null;
            }

            return new TypeRef(TypeKind.List, Element: element);
        }

        if (_shapeKinds.TryGetValue(trimmed, out var kind))
        {
            return new TypeRef(kind, trimmed);
        }

        _reader.Report(CosDiagnostics.UnknownType, span, $"The {where} has the type '{text}', which is neither a built-in type nor a shape.");
        return null;
    }

    private PaginationModel? ParsePagination(JsonValue paginated, string operation, string where, List<MemberModel> input, List<MemberModel> output)
    {
        var part = $"'paginated' of the {where}";
        _reader.CheckProperties(paginated, part, SpecVocabulary.Paginated);
        var inputTokens = _reader.Strings(paginated, "inputToken", part);
        var outputTokens = _reader.Strings(paginated, "outputToken", part);
        var truncated = _reader.String(paginated, "truncated", part, required: false);
        var items = _reader.String(paginated, "items", $"The {part}", required: true);
        var pageSize = _reader.String(paginated, "pageSize", part, required: false);
        var enumerator = _reader.String(paginated, "enumerator", part, required: false) ?? operation + "Items";
        var ok = true;

        void Fail(string message)
        {
            _reader.Report(CosDiagnostics.InvalidPagination, paginated.Span, $"In {part}: {message}");
            ok = false;
        }

        if (inputTokens.Count == 0 || inputTokens.Count != outputTokens.Count)
        {
            Fail("'inputToken' and 'outputToken' must name the same number (at least one) of members.");
        }

        for (var i = 0; i < Math.Min(inputTokens.Count, outputTokens.Count); i++)
        {
            var inMember = input.FirstOrDefault(m => m.Name == inputTokens[i]);
            var outMember = output.FirstOrDefault(m => m.Name == outputTokens[i]);
            if (inMember is null || inMember.Location != Location.Query)
            {
                Fail($"'{inputTokens[i]}' must be an input query member.");
            }
            else if (outMember is null || !outMember.Type.IsScalar)
            {
                Fail($"'{outputTokens[i]}' must be a scalar output member.");
            }
            else if (inMember.Type != outMember.Type)
            {
                Fail($"'{inputTokens[i]}' and '{outputTokens[i]}' must have the same type.");
            }
        }

        if (truncated is not null && output.FirstOrDefault(m => m.Name == truncated)?.Type.Kind != TypeKind.Boolean)
        {
            Fail($"'truncated' must name a boolean output member; '{truncated}' does not.");
        }

        if (items is not null && output.FirstOrDefault(m => m.Name == items)?.Type.Kind != TypeKind.List)
        {
            Fail($"'items' must name a list output member; '{items}' does not.");
        }

        if (pageSize is not null && input.FirstOrDefault(m => m.Name == pageSize)?.Type.Kind is not (TypeKind.Int32 or TypeKind.Int64))
        {
            Fail($"'pageSize' must name an integer input member; '{pageSize}' does not.");
        }

        if (!_reader.CheckIdentifier(enumerator, paginated.Span, "The enumerator name"))
        {
            ok = false;
        }

        return ok && items is not null
            ? new PaginationModel(inputTokens.ToEquatableArray(), outputTokens.ToEquatableArray(), truncated, items, enumerator)
            : null;
    }

    internal static string ToPascalCase(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var part in value.Split(['_', '-', '/', ' ', '.', ':'], StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(char.ToUpperInvariant(part[0]));
            builder.Append(part.Substring(1).ToLowerInvariant());
        }

        return builder.ToString();
    }

    private enum MemberContext
    {
        Input,
        Output,
        Shape,
    }
}
