using System;
using Cos.Generator.Model;

namespace Cos.Generator.Emit;

/// <summary>C# spellings of spec types, and the expressions that turn them into and out of wire text.</summary>
internal static class TypeNames
{
    public const string List = "global::System.Collections.Generic.IReadOnlyList";
    public const string Map = "global::System.Collections.Generic.IReadOnlyDictionary<string, string>";
    public const string Wire = "global::Cos.Generated.Protocol.CosWireFormat";
    public const string Xml = "global::Cos.Generated.Protocol.CosXml";
    public const string Json = "global::Cos.Generated.Protocol.CosJson";
    public const string JsonElement = "global::System.Text.Json.JsonElement";

    public static string Of(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Boolean => "bool",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.UInt64 => "ulong",
        TypeKind.Timestamp => "global::System.DateTimeOffset",
        TypeKind.Stream => "global::System.IO.Stream",
        TypeKind.List => $"{List}<{Of(type.Element!)}>",
        TypeKind.Map => Map,
        TypeKind.Json => JsonElement,
        TypeKind.EventStream => $"global::Cos.Generated.Protocol.CosEventStream<{type.ShapeName}>",
        _ => type.ShapeName!,
    };

    public static bool IsValueType(TypeRef type) =>
        type.Kind is TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.UInt64 or TypeKind.Timestamp or TypeKind.Enum or TypeKind.Json;

    /// <summary>An expression that parses the string expression <paramref name="text"/>.</summary>
    public static string Parse(MemberModel member, TypeRef type, string text) => type.Kind switch
    {
        TypeKind.String => text,
        TypeKind.Boolean => $"{Wire}.ParseBoolean({text})",
        TypeKind.Int32 => $"{Wire}.ParseInt32({text})",
        TypeKind.Int64 => $"{Wire}.ParseInt64({text})",
        TypeKind.UInt64 => $"{Wire}.ParseUInt64({text})",
        TypeKind.Timestamp => member.Format switch
        {
            TimestampFormat.Iso8601 => $"{Wire}.ParseIso8601({text})",
            TimestampFormat.UnixSeconds => $"{Wire}.ParseUnixSeconds({text})",
            _ => $"{Wire}.ParseHttpDate({text})",
        },
        TypeKind.Enum => $"new {type.ShapeName}({text})",
        _ => throw new InvalidOperationException($"{type.Kind} is not a scalar."),
    };

    /// <summary>An expression that formats the (non-null) value expression <paramref name="value"/> as wire text.</summary>
    public static string Format(MemberModel member, TypeRef type, string value) => type.Kind switch
    {
        TypeKind.String => value,
        TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.UInt64 => $"{Wire}.Format({value})",
        TypeKind.Timestamp => member.Format switch
        {
            TimestampFormat.Iso8601 => $"{Wire}.FormatIso8601({value})",
            TimestampFormat.UnixSeconds => $"{Wire}.FormatUnixSeconds({value})",
            _ => $"{Wire}.FormatHttpDate({value})",
        },
        TypeKind.Enum => $"{value}.Value",
        _ => throw new InvalidOperationException($"{type.Kind} is not a scalar."),
    };

    /// <summary>A camelCase local name that cannot clash with the emitters' own locals.</summary>
    public static string Local(string name, string suffix) => char.ToLowerInvariant(name[0]) + name.Substring(1) + suffix;

    public static string Literal(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
