using System.Collections.Generic;
using Cos.Generator.Diagnostics;
using Cos.Generator.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Cos.Generator.Parsing;

/// <summary>Typed access to a spec's JSON that records a diagnostic, pointing at the line, for every problem.</summary>
internal sealed class SpecReader(string path, SourceText text)
{
    private readonly List<DiagnosticInfo> _diagnostics = [];

    public List<DiagnosticInfo> Diagnostics => _diagnostics;

    public bool HasErrors { get; private set; }

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, string message)
    {
        HasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, message, path, span, text.Lines.GetLinePositionSpan(span)));
    }

    /// <summary>Warns about properties not in <paramref name="known"/>: almost always a typo.</summary>
    public void CheckProperties(JsonValue value, string where, params string[] known)
    {
        foreach (var property in value.Properties)
        {
            if (System.Array.IndexOf(known, property.Name) < 0)
            {
                Report(CosDiagnostics.UnknownProperty, property.NameSpan, $"Unknown property '{property.Name}' in {where}; expected one of: {string.Join(", ", known)}.");
            }
        }
    }

    public JsonValue? Object(JsonValue parent, string name, string where, bool required)
    {
        var property = parent.Find(name);
        if (property is null)
        {
            if (required)
            {
                Report(CosDiagnostics.MissingProperty, parent.Span.Length > 0 ? new TextSpan(parent.Span.Start, 1) : parent.Span, $"{where} needs the property '{name}'.");
            }

            return null;
        }

        if (property.Value.Kind != JsonKind.Object)
        {
            Report(CosDiagnostics.InvalidValue, property.Value.Span, $"'{name}' in {where} must be an object, not {property.Value.Describe()}.");
            return null;
        }

        return property.Value;
    }

    public string? String(JsonValue parent, string name, string where, bool required)
    {
        var property = parent.Find(name);
        if (property is null)
        {
            if (required)
            {
                Report(CosDiagnostics.MissingProperty, new TextSpan(parent.Span.Start, 1), $"{where} needs the property '{name}'.");
            }

            return null;
        }

        if (property.Value.Kind != JsonKind.String)
        {
            Report(CosDiagnostics.InvalidValue, property.Value.Span, $"'{name}' in {where} must be a string, not {property.Value.Describe()}.");
            return null;
        }

        return property.Value.Text;
    }

    public bool Boolean(JsonValue parent, string name, string where)
    {
        var property = parent.Find(name);
        if (property is null)
        {
            return false;
        }

        if (property.Value.Kind is not (JsonKind.True or JsonKind.False))
        {
            Report(CosDiagnostics.InvalidValue, property.Value.Span, $"'{name}' in {where} must be true or false.");
            return false;
        }

        return property.Value.Kind == JsonKind.True;
    }

    public List<string> Strings(JsonValue parent, string name, string where)
    {
        var result = new List<string>();
        var property = parent.Find(name);
        if (property is null)
        {
            return result;
        }

        if (property.Value.Kind == JsonKind.String)
        {
            result.Add(property.Value.Text!);
            return result;
        }

        if (property.Value.Kind != JsonKind.Array)
        {
            Report(CosDiagnostics.InvalidValue, property.Value.Span, $"'{name}' in {where} must be a string or an array of strings.");
            return result;
        }

        foreach (var item in property.Value.Items)
        {
            if (item.Kind == JsonKind.String)
            {
                result.Add(item.Text!);
            }
            else
            {
                Report(CosDiagnostics.InvalidValue, item.Span, $"'{name}' in {where} must contain only strings.");
            }
        }

        return result;
    }

    public bool CheckIdentifier(string name, TextSpan span, string what)
    {
        if (SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && char.IsUpper(name[0]))
        {
            return true;
        }

        Report(CosDiagnostics.InvalidName, span, $"{what} '{name}' must be a PascalCase C# identifier.");
        return false;
    }
}
