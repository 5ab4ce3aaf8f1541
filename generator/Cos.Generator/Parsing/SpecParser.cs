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
    private readonly Dictionary<string, bool> _shapeIsEnum = new(StringComparer.Ordinal);

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

        _reader.CheckProperties(root, "the spec", "$schema", "service", "operations", "shapes", "errors");
        var service = _reader.Object(root, "service", "The spec", required: true);
        var operations = _reader.Object(root, "operations", "The spec", required: true);
        var shapes = _reader.Object(root, "shapes", "The spec", required: false);
        var errors = _reader.Object(root, "errors", "The spec", required: false);
        if (service is null || operations is null)
        {
            return null;
        }

        _reader.CheckProperties(service, "'service'", "name", "namespace", "client", "doc");
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
                    _shapeIsEnum[shape.Name] = shape.Value.Find("enum") is not null;
                }
            }
        }

        var errorModels = errors is null ? [] : errors.Properties.Select(ParseError).Where(e => e is not null).Select(e => e!).ToList();
        var errorNames = new HashSet<string>(errorModels.Select(e => e.Name), StringComparer.Ordinal);

        var structures = new List<StructureModel>();
        var enums = new List<EnumModel>();
        foreach (var shape in shapes?.Properties ?? [])
        {
            ParseShape(shape, structures, enums);
        }

        var operationModels = new List<OperationModel>();
        foreach (var operation in operations.Properties)
        {
            if (ParseOperation(operation, errorNames) is { } model)
            {
                operationModels.Add(model);
            }
        }

        return new ServiceModel(name, ns, client, operationModels.ToEquatableArray(), structures.ToEquatableArray(), enums.ToEquatableArray(), errorModels.ToEquatableArray());
    }

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

        _reader.CheckProperties(property.Value, where, "status", "retryable", "doc");
        var status = property.Value.Find("status");
        int code = 0;
        if (status is null)
        {
            _reader.Report(CosDiagnostics.MissingProperty, property.NameSpan, $"The {where} needs the property 'status'.");
        }
        else if (status.Value.Kind != JsonKind.Number || !int.TryParse(status.Value.Text, out code) || code < 100 || code > 599)
        {
            _reader.Report(CosDiagnostics.InvalidValue, status.Value.Span, $"'status' in the {where} must be an HTTP status code (100-599).");
        }

        return new ErrorModel(property.Name, code, _reader.Boolean(property.Value, "retryable", where), _reader.String(property.Value, "doc", where, required: false));
    }

    private void ParseShape(JsonProperty property, List<StructureModel> structures, List<EnumModel> enums)
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
            _reader.CheckProperties(property.Value, where, "doc", "enum");
            enums.Add(new EnumModel(property.Name, doc, ParseEnumValues(values.Value, where).ToEquatableArray()));
            return;
        }

        _reader.CheckProperties(property.Value, where, "doc", "members");
        var members = _reader.Object(property.Value, "members", $"The {where} (a structure, or an enum with 'enum')", required: true);
        if (members is not null)
        {
            var parsed = ParseMembers(members, where, MemberContext.Shape);
            if (parsed.Any(m => m.Name == "Key" && m.Type.Kind == TypeKind.String))
            {
                _structureKeys.Add(property.Name);
            }

            structures.Add(new StructureModel(property.Name, doc, parsed.ToEquatableArray()));
        }
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
                _reader.CheckProperties(item, $"a value of the {where}", "name", "value");
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

        _reader.CheckProperties(operation, where, "doc", "docUrl", "http", "safety", "input", "output", "errors", "paginated", "cam", "jsSdk");
        var http = _reader.Object(operation, "http", $"The {where}", required: true);
        var safetyText = _reader.String(operation, "safety", $"The {where}", required: true);
        if (http is null)
        {
            return null;
        }

        _reader.CheckProperties(http, $"'http' of the {where}", "method", "uri", "host", "code");
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

        var input = ParseShapeBody(operation, "input", where, MemberContext.Input, out var inputXmlName);
        var output = ParseShapeBody(operation, "output", where, MemberContext.Output, out var outputXmlName);

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
        var cam = ParseCam(operation, property.Name, where, input);

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
            SuccessCode(http, where));
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
        _reader.CheckProperties(cam, part, "action", "resourceQuery", "eachKeyOf", "copySource");
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
                subResources.Add(equals < 0 ? new SubResource(pair, null) : new SubResource(pair.Substring(0, equals), pair.Substring(equals + 1)));
            }
        }

        return (labels, subResources);
    }

    private List<MemberModel> ParseShapeBody(JsonValue operation, string name, string where, MemberContext context, out string? xmlName)
    {
        xmlName = null;
        var body = _reader.Object(operation, name, $"The {where}", required: false);
        if (body is null)
        {
            return [];
        }

        var part = $"{name} of the {where}";
        _reader.CheckProperties(body, part, "xmlName", "members");
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

        if (context == MemberContext.Input && members.Count(m => m.Location == Location.Host) > 1)
        {
            _reader.Report(CosDiagnostics.InvalidLocation, body.Span, $"The {part} may have only one \"host\" member.");
        }

        return members;
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
            return shorthand is null ? null : Member(property.Name, shorthand, Location.Body, property.Name, false, null, null, false, null, [], value.Span, where, context);
        }

        if (value.Kind != JsonKind.Object)
        {
            _reader.Report(CosDiagnostics.InvalidValue, value.Span, $"The {where} must be a type name or an object.");
            return null;
        }

        _reader.CheckProperties(value, where, "type", "in", "name", "required", "doc", "format", "xmlFlattened", "xmlItemName", "xmlAliases", "crc64Of");
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
            _ => (Location?)null,
        };
        if (location is null)
        {
            _reader.Report(CosDiagnostics.InvalidValue, value.Find("in")!.Value.Span, $"'in' of the {where} must be host, label, query, header, prefixHeaders, payload or body.");
            return null;
        }

        if (type is null)
        {
            return null;
        }

        var crc64Of = ParseCrc64Of(value, type, location.Value, where, context);
        return Member(
            property.Name,
            type,
            location.Value,
            _reader.String(value, "name", where, required: false) ?? property.Name,
            _reader.Boolean(value, "required", where),
            _reader.String(value, "doc", where, required: false),
            value.Find("format"),
            _reader.Boolean(value, "xmlFlattened", where),
            _reader.String(value, "xmlItemName", where, required: false),
            _reader.Strings(value, "xmlAliases", where),
            value.Span,
            where,
            context) is { } member
            ? member with { Crc64Of = crc64Of }
            : null;
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

    private MemberModel? Member(string name, TypeRef type, Location location, string wireName, bool required, string? doc, JsonProperty? format, bool flattened, string? itemName, List<string> aliases, Microsoft.CodeAnalysis.Text.TextSpan span, string where, MemberContext context)
    {
        var iso8601 = location == Location.Body;
        if (format is not null)
        {
            if (type.Kind != TypeKind.Timestamp || format.Value.Text is not ("http-date" or "iso8601"))
            {
                _reader.Report(CosDiagnostics.InvalidValue, format.Value.Span, $"'format' of the {where} applies to timestamps and must be http-date or iso8601.");
            }

            iso8601 = format.Value.Text == "iso8601";
        }

        if ((flattened || itemName is not null) && type.Kind != TypeKind.List)
        {
            _reader.Report(CosDiagnostics.InvalidValue, span, $"'xmlFlattened' and 'xmlItemName' of the {where} apply to lists only.");
        }

        var problem = LocationProblem(type, location, context);
        if (problem is not null)
        {
            _reader.Report(CosDiagnostics.InvalidLocation, span, $"The {where} {problem}.");
            return null;
        }

        return new MemberModel(name, type, location, wireName, required, doc, iso8601, flattened, itemName ?? "member", aliases.ToEquatableArray());
    }

    private static string? LocationProblem(TypeRef type, Location location, MemberContext context)
    {
        if (context == MemberContext.Shape && location != Location.Body)
        {
            return "is inside a shape, where members can only be XML elements (no 'in')";
        }

        if (context == MemberContext.Output && location is Location.Host or Location.Label or Location.Query)
        {
            return "is an output member and can only be a header, prefixHeaders, payload or body member";
        }

        return location switch
        {
            Location.Host or Location.Label when type.Kind != TypeKind.String => "must be a string to be a host or label",
            Location.Query or Location.Header when !type.IsScalar => "must be a scalar (string, number, boolean, timestamp or enum) to be a query or header",
            Location.PrefixHeaders when type.Kind != TypeKind.Map => "must be map<string,string> to be prefixHeaders",
            Location.Payload when type.Kind != TypeKind.Stream => "must be a stream to be the payload",
            Location.Body when type.Kind is TypeKind.Stream or TypeKind.Map => "is a stream or map and must say where it lives with 'in'",
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
            case "map<string,string>": return new TypeRef(TypeKind.Map, Element: new TypeRef(TypeKind.String));
        }

        if (trimmed.StartsWith("list<", StringComparison.Ordinal) && trimmed.EndsWith(">", StringComparison.Ordinal))
        {
            var element = ParseType(trimmed.Substring(5, trimmed.Length - 6), span, where);
            if (element is null)
            {
                return null;
            }

            if (element.Kind is TypeKind.List or TypeKind.Map or TypeKind.Stream)
            {
                _reader.Report(CosDiagnostics.UnknownType, span, $"The {where} has the type '{text}'; list items must be scalars or structures.");
                return null;
            }

            return new TypeRef(TypeKind.List, Element: element);
        }

        if (_shapeIsEnum.TryGetValue(trimmed, out var isEnum))
        {
            return new TypeRef(isEnum ? TypeKind.Enum : TypeKind.Structure, trimmed);
        }

        _reader.Report(CosDiagnostics.UnknownType, span, $"The {where} has the type '{text}', which is neither a built-in type nor a shape.");
        return null;
    }

    private PaginationModel? ParsePagination(JsonValue paginated, string operation, string where, List<MemberModel> input, List<MemberModel> output)
    {
        var part = $"'paginated' of the {where}";
        _reader.CheckProperties(paginated, part, "inputToken", "outputToken", "truncated", "items", "pageSize", "enumerator");
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
