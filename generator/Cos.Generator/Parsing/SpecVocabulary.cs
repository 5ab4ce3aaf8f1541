using System.Collections.Generic;

namespace Cos.Generator.Parsing;

/// <summary>
/// The one list of property names the spec language has, per kind of JSON object. The parser warns about any other
/// name (COSGEN009) from these lists, and a test holds <c>spec/cos.api.schema.json</c> and the property tables of
/// <c>spec/README.md</c> to exactly these sets, so the three cannot drift apart.
/// </summary>
internal static class SpecVocabulary
{
    /// <summary>The top level of a spec file.</summary>
    public static readonly string[] Spec = ["$schema", "service", "operations", "shapes", "errors"];

    public static readonly string[] Service = ["name", "namespace", "client", "doc"];

    public static readonly string[] Operation = ["doc", "docUrl", "http", "safety", "input", "output", "errors", "paginated", "cam", "jsSdk", "custom", "notConfigured", "urlEncoded"];

    /// <summary>An operation's <c>urlEncoded</c>: the output members COS percent-encodes when the response says so.</summary>
    public static readonly string[] UrlEncoded = ["when", "members"];

    /// <summary>An operation's <c>cam</c>: the CAM action and where its resource keys come from.</summary>
    public static readonly string[] Cam = ["action", "resourceQuery", "eachKeyOf", "copySource"];

    public static readonly string[] Http = ["method", "uri", "host", "code"];

    /// <summary>An operation's <c>input</c> or <c>output</c>.</summary>
    public static readonly string[] MemberList = ["xmlName", "xmlAlways", "members"];

    /// <summary>A member written as an object (the shorthand <c>"Name": "type"</c> has no properties).</summary>
    public static readonly string[] Member =
    [
        "type", "in", "name", "required", "doc", "format", "min", "max", "default", "status",
        "xmlFlattened", "xmlItemName", "xmlAliases", "xmlAttribute", "xmlText", "xmlNamespace", "crc64Of",
    ];

    public static readonly string[] StructureShape = ["doc", "members"];

    public static readonly string[] EnumShape = ["doc", "enum"];

    /// <summary>An enum value written as an object rather than a plain string.</summary>
    public static readonly string[] EnumValue = ["name", "value"];

    /// <summary>A shape that describes the messages of an event stream.</summary>
    public static readonly string[] EventShape = ["doc", "events"];

    /// <summary>One kind of message of an event stream.</summary>
    public static readonly string[] Event = ["doc", "payload", "xmlName"];

    public static readonly string[] Error = ["status", "retryable", "doc"];

    public static readonly string[] Paginated = ["inputToken", "outputToken", "truncated", "items", "pageSize", "enumerator"];

    /// <summary>Every context, named as its definition in the JSON Schema (<c>spec</c> is the schema's root).</summary>
    public static IReadOnlyList<(string Context, string[] Properties)> All { get; } =
    [
        ("spec", Spec),
        ("service", Service),
        ("operation", Operation),
        ("http", Http),
        ("cam", Cam),
        ("urlEncoded", UrlEncoded),
        ("memberList", MemberList),
        ("memberObject", Member),
        ("structureShape", StructureShape),
        ("enumShape", EnumShape),
        ("enumValue", EnumValue),
        ("eventShape", EventShape),
        ("event", Event),
        ("error", Error),
        ("paginated", Paginated),
    ];
}
