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
    int SuccessCode = 200);

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
}

internal sealed record MemberModel(
    string Name,
    TypeRef Type,
    Location Location,
    string WireName,
    bool Required,
    string? Doc,
    bool Iso8601,
    bool XmlFlattened,
    string XmlItemName,
    EquatableArray<string> XmlAliases,
    BodyChecksum Crc64Of = BodyChecksum.None);

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
}

internal sealed record TypeRef(TypeKind Kind, string? ShapeName = null, TypeRef? Element = null)
{
    public bool IsScalar => Kind is not (TypeKind.List or TypeKind.Map or TypeKind.Structure or TypeKind.Stream);
}

internal sealed record StructureModel(string Name, string? Doc, EquatableArray<MemberModel> Members);

internal sealed record EnumModel(string Name, string? Doc, EquatableArray<EnumValue> Values);

internal sealed record EnumValue(string Name, string Value);

internal sealed record ErrorModel(string Name, int Status, bool Retryable, string? Doc);

internal sealed record PaginationModel(
    EquatableArray<string> InputTokens,
    EquatableArray<string> OutputTokens,
    string? Truncated,
    string Items,
    string EnumeratorName);
