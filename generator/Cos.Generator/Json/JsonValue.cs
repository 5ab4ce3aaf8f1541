using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace Cos.Generator.Json;

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A parsed JSON value that remembers where it stands in the file, for diagnostics.</summary>
internal sealed class JsonValue
{
    public JsonValue(JsonKind kind, TextSpan span, string? text = null, List<JsonProperty>? properties = null, List<JsonValue>? items = null)
    {
        Kind = kind;
        Span = span;
        Text = text;
        Properties = properties ?? [];
        Items = items ?? [];
    }

    public JsonKind Kind { get; }

    public TextSpan Span { get; }

    /// <summary>The string's value, or the number's literal text.</summary>
    public string? Text { get; }

    public List<JsonProperty> Properties { get; }

    public List<JsonValue> Items { get; }

    public JsonProperty? Find(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }

    public string Describe() => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Null => "null",
        _ => "a boolean",
    };
}

internal sealed class JsonProperty(string name, TextSpan nameSpan, JsonValue value)
{
    public string Name { get; } = name;

    public TextSpan NameSpan { get; } = nameSpan;

    public JsonValue Value { get; } = value;
}
