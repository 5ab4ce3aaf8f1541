using Cos.Generator.Model;

namespace Cos.Generator.Emit;

/// <summary>An extensible enum: a string-backed struct, so values COS adds later are kept rather than rejected.</summary>
internal static class EnumEmitter
{
    public static string Emit(ServiceModel service, EnumModel model)
    {
        var w = FileHeader.Start(service.Namespace);
        var name = model.Name;
        Docs.FromSpec(w, model.Doc, $"The <c>{name}</c> values.");
        using (w.Block($"public readonly partial struct {name} : global::System.IEquatable<{name}>"))
        {
            w.Line("private readonly string? _value;");
            w.Line();
            Docs.Summary(w, "Wraps a wire value, including one this SDK does not know yet.");
            using (w.Block($"public {name}(string value)"))
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
                w.Line("_value = value;");
            }

            foreach (var value in model.Values)
            {
                w.Line();
                Docs.Summary(w, $"<c>{Docs.Escape(value.Value)}</c>.");
                w.Line($"public static {name} {value.Name} {{ get; }} = new({TypeNames.Literal(value.Value)});");
            }

            w.Line();
            Docs.Summary(w, "The value as sent on the wire.");
            w.Line("public string Value => _value ?? string.Empty;");
            w.Line();
            Docs.Summary(w, "Converts a wire value.");
            w.Line($"public static implicit operator {name}(string value) => new(value);");
            w.Line();
            Docs.Summary(w, "Compares wire values (ordinal).");
            w.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
            w.Line();
            Docs.Summary(w, "Compares wire values (ordinal).");
            w.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line($"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override string ToString() => Value;");
        }

        return w.ToString();
    }
}
