using Microsoft.CodeAnalysis;

namespace Cos.Generator.Diagnostics;

/// <summary>The generator's diagnostics. IDs are stable: never renumber or reuse one.</summary>
internal static class CosDiagnostics
{
    private const string Category = "Cos.Generator";

    public static readonly DiagnosticDescriptor InvalidJson = Error("COSGEN001", "The spec is not valid JSON");
    public static readonly DiagnosticDescriptor MissingProperty = Error("COSGEN002", "A required spec property is missing");
    public static readonly DiagnosticDescriptor InvalidValue = Error("COSGEN003", "A spec property has an invalid value");
    public static readonly DiagnosticDescriptor UnknownType = Error("COSGEN004", "Unknown type");
    public static readonly DiagnosticDescriptor InvalidLocation = Error("COSGEN005", "Invalid member location");
    public static readonly DiagnosticDescriptor UriMismatch = Error("COSGEN006", "URI template and label members do not match");
    public static readonly DiagnosticDescriptor InvalidName = Error("COSGEN007", "Invalid or duplicate name");
    public static readonly DiagnosticDescriptor InvalidPagination = Error("COSGEN008", "Invalid pagination");
    public static readonly DiagnosticDescriptor Unrepresentable = Error("COSGEN010", "A member cannot be read or written as declared");

    public static readonly DiagnosticDescriptor UnknownProperty = new(
        "COSGEN009", "Unknown spec property", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static DiagnosticDescriptor Find(string id) => id switch
    {
        "COSGEN001" => InvalidJson,
        "COSGEN002" => MissingProperty,
        "COSGEN003" => InvalidValue,
        "COSGEN004" => UnknownType,
        "COSGEN005" => InvalidLocation,
        "COSGEN006" => UriMismatch,
        "COSGEN007" => InvalidName,
        "COSGEN008" => InvalidPagination,
        "COSGEN010" => Unrepresentable,
        _ => UnknownProperty,
    };

    private static DiagnosticDescriptor Error(string id, string title) =>
        new(id, title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
