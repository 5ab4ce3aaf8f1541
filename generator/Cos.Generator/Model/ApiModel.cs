namespace Cos.Generator.Model;

// The parsed spec: plain values only (no Roslyn symbols), compared by value so that an edit that
// does not change the model leaves the generator's output cached.

internal sealed record ServiceModel(
    string Name,
    string Namespace,
    string ClientName,
    EquatableArray<OperationModel> Operations,
    EquatableArray<StructureModel> Structures,
    EquatableArray<EnumModel> Enums,
    EquatableArray<EventStreamModel> EventStreams,
    EquatableArray<ErrorModel> Errors);

internal sealed record OperationModel(
    string Name,
    string? Doc,
    string? DocUrl,
    string Method,
    bool ServiceScope,
    bool HasKeyLabel,
    EquatableArray<SubResource> SubResources,
    Safety Safety,
    EquatableArray<MemberModel> Input,
    string? InputXmlName,
    EquatableArray<MemberModel> Output,
    string? OutputXmlName,
    EquatableArray<string> Errors,
    PaginationModel? Pagination,
    CamModel Cam,
    string? JsSdkMethod,
    int SuccessCode = 200,
    bool CustomRequest = false,
    bool CustomResponse = false)
{
    /// <summary>Statuses besides 2xx that are a successful answer, from the output's <c>"in": "status"</c> members.</summary>
    public System.Collections.Generic.IEnumerable<int> AlternativeStatuses =>
        System.Linq.Enumerable.Select(System.Linq.Enumerable.Where(Output, static m => m.Location == Location.Status && m.Status is not null), static m => m.Status!.Value);

    /// <summary>Set when the operation puts, gets or deletes a configuration document kept whole (<c>"notConfigured"</c>).</summary>
    public ConfigurationModel? Configuration { get; init; }

    /// <summary>The output members COS percent-encodes when asked to (<c>"urlEncoded"</c>), which the client decodes.</summary>
    public UrlEncodedModel? UrlEncoded { get; init; }

    /// <summary>
    /// The input's <c>"xmlAlways"</c>: the request's XML root is sent even when no body member is set (an empty
    /// <c>&lt;BucketLoggingStatus/&gt;</c> turns logging off), where otherwise no body is sent.
    /// </summary>
    public bool InputXmlAlways { get; init; }
}

/// <summary>
/// <c>"urlEncoded"</c> of a listing: when the output member <paramref name="When"/> is <c>url</c> (the response's
/// EncodingType), COS has percent-encoded these members (a string member, or <c>List.Member</c>: a string member of each
/// item of a list of structures), and the client decodes them, as the official SDKs do, so keys and markers are the
/// keys themselves and a marker sent back is encoded once.
/// </summary>
internal sealed record UrlEncodedModel(MemberModel When, EquatableArray<UrlEncodedPath> Paths);

/// <summary>An output member, or (<paramref name="Item"/>) a string member of each structure of an output list.</summary>
internal sealed record UrlEncodedPath(string Member, string? Item);

/// <summary>
/// One of the PUT, GET and DELETE of a configuration sub-resource (<c>?policy</c>, <c>?acl</c>) whose PUT's document is
/// the GET's, so a server keeps the document as it was put. When the GET names the error COS answers for none
/// (<c>"notConfigured": "NoSuchPolicy"</c>) a generic handler serves all three.
/// </summary>
internal sealed record ConfigurationModel(string Verb, string SubResource, string? NotConfiguredError, int NotConfiguredStatus, string? NotConfiguredDoc, string GetOperation)
{
    /// <summary>
    /// True when the server role generates the handler (the GET names its <c>notConfigured</c> error). Without one, the
    /// group only gets the document helpers, for a handler whose absent configuration has a default (an ACL).
    /// </summary>
    public bool Generic => NotConfiguredError is not null;
}

/// <summary>
/// How CAM authorizes an operation (<c>"cam"</c>): the action, and where the resource key comes from when it is not the
/// object key: an input query member (a listing's prefix), or the <c>Key</c> of every item of an input list (a batch delete).
/// A copy names the input header member with its source, which needs GetObject as well.
/// </summary>
internal sealed record CamModel(string Action, MemberModel? ResourceQuery, MemberModel? EachKeyOf, MemberModel? CopySource);

/// <summary>A literal query key from the URI (<c>?uploads</c>, <c>?select-type=2</c>); a null value is bare.</summary>
internal sealed record SubResource(string Name, string? Value);

internal enum Safety
{
    ReadOnly,
    Idempotent,
    Conditional,
    Unsafe,
}

internal enum Location
{
    Body,
    Host,
    Label,
    Query,
    Header,
    PrefixHeaders,
    Payload,

    /// <summary>An output boolean that is true when the answer had the member's <c>status</c> (304 Not Modified).</summary>
    Status,
}

internal sealed record MemberModel(
    string Name,
    TypeRef Type,
    Location Location,
    string WireName,
    bool Required,
    string? Doc,
    TimestampFormat Format,
    bool XmlFlattened,
    string XmlItemName,
    EquatableArray<string> XmlAliases,
    BodyChecksum Crc64Of = BodyChecksum.None)
{
    /// <summary>The member is an attribute of its element (<c>"xmlAttribute"</c>); <see cref="MemberModel.WireName"/> may carry a prefix.</summary>
    public bool XmlAttribute { get; init; }

    /// <summary>The member is its element's own text (<c>"xmlText"</c>).</summary>
    public bool XmlText { get; init; }

    /// <summary>The namespace URI of a prefixed attribute (<c>xsi:type</c>).</summary>
    public string? XmlNamespace { get; init; }

    /// <summary>For <see cref="Location.Status"/>: the status that sets the member.</summary>
    public int? Status { get; init; }

    /// <summary>The smallest allowed value, as a C# literal; checked before sending.</summary>
    public string? Min { get; init; }

    /// <summary>The largest allowed value, as a C# literal; checked before sending.</summary>
    public string? Max { get; init; }

    /// <summary>What COS assumes when the member is not sent, for the docs.</summary>
    public string? Default { get; init; }

    /// <summary>True for an XML member that is an element (not an attribute or the element's text).</summary>
    public bool IsXmlElement => Location == Location.Body && !XmlAttribute && !XmlText;

    /// <summary>An <c>"in": "payload"</c> structure: a JSON document.</summary>
    public bool IsJsonPayload => Location == Location.Payload && Type.Kind == TypeKind.Structure;

    /// <summary>A payload read from the socket by the caller (a raw stream or an event stream).</summary>
    public bool IsStreamingPayload => Location == Location.Payload && Type.Kind is TypeKind.Stream or TypeKind.EventStream;
}

/// <summary>How a timestamp is written (<c>"format"</c>).</summary>
internal enum TimestampFormat
{
    HttpDate,
    Iso8601,
    UnixSeconds,
}

/// <summary>Which body a CRC-64 header member describes (<c>"crc64Of"</c>), so the runtime checks it.</summary>
internal enum BodyChecksum
{
    None,
    RequestBody,
    ResponseBody,
}

internal enum TypeKind
{
    String,
    Boolean,
    Int32,
    Int64,
    UInt64,
    Timestamp,
    Stream,
    List,
    Map,
    Structure,
    Enum,

    /// <summary><c>json</c>: any JSON value, kept as a <c>System.Text.Json.JsonElement</c>.</summary>
    Json,

    /// <summary>A shape with <c>"events"</c>: the messages of an event-stream payload.</summary>
    EventStream,
}

internal sealed record TypeRef(TypeKind Kind, string? ShapeName = null, TypeRef? Element = null)
{
    public bool IsScalar => Kind is not (TypeKind.List or TypeKind.Map or TypeKind.Structure or TypeKind.Stream or TypeKind.Json or TypeKind.EventStream);
}

/// <summary>A structure; <paramref name="Xml"/> and <paramref name="Json"/> say which codecs it needs (where it is used).</summary>
internal sealed record StructureModel(string Name, string? Doc, EquatableArray<MemberModel> Members, bool Xml = true, bool Json = false);

/// <summary>The messages an event-stream payload carries, one <see cref="EventModel"/> per <c>:event-type</c>.</summary>
internal sealed record EventStreamModel(string Name, string? Doc, EquatableArray<EventModel> Events);

/// <summary>One kind of event: its <c>:event-type</c> (also the C# name) and what its payload holds.</summary>
internal sealed record EventModel(string Name, string? Doc, EventPayload Payload, string? ShapeName, string XmlName);

internal enum EventPayload
{
    None,

    /// <summary>The payload bytes as they are (<c>"payload": "bytes"</c>).</summary>
    Bytes,

    /// <summary>An XML document read into a structure.</summary>
    Xml,
}

internal sealed record EnumModel(string Name, string? Doc, EquatableArray<EnumValue> Values);

internal sealed record EnumValue(string Name, string Value);

/// <summary>An error code; some are answered with more than one status (<c>"status": [403, 409]</c>).</summary>
internal sealed record ErrorModel(string Name, EquatableArray<int> Statuses, bool Retryable, string? Doc);

internal sealed record PaginationModel(
    EquatableArray<string> InputTokens,
    EquatableArray<string> OutputTokens,
    string? Truncated,
    string Items,
    string EnumeratorName);
