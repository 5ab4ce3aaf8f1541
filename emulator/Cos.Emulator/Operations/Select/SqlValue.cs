using System.Globalization;
using System.Text.Json;

namespace Cos.Emulator.Operations.Select;

/// <summary>The kinds of value a Select expression produces.</summary>
internal enum SqlKind
{
    /// <summary>NULL or a missing column: every comparison with it is unknown.</summary>
    Null,
    String,

    /// <summary>An integer (a literal without a point, CAST AS INT, a JSON integer).</summary>
    Int,

    /// <summary>A number with a fractional part (CAST AS FLOAT or DECIMAL, a JSON number with a point).</summary>
    Decimal,
    Boolean,

    /// <summary>A JSON object or array, passed through as its text.</summary>
    Json,
}

/// <summary>A value of a Select expression. Numbers are decimals so that 0.1 + nothing prints as it was written.</summary>
internal readonly record struct SqlValue(SqlKind Kind, string? Text = null, decimal Number = 0, bool Boolean = false)
{
    public static SqlValue Null => default;

    public static SqlValue Of(string text) => new(SqlKind.String, text);

    public static SqlValue Of(decimal number, bool integer) => new(integer ? SqlKind.Int : SqlKind.Decimal, Number: number);

    public static SqlValue Of(bool value) => new(SqlKind.Boolean, Boolean: value);

    public bool IsNumber => Kind is SqlKind.Int or SqlKind.Decimal;

    /// <summary>A JSON value as a Select value: scalars by kind, objects and arrays as their raw text.</summary>
    public static SqlValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Of(element.GetString()!),
        JsonValueKind.Number when element.TryGetInt64(out var n) => Of(n, integer: true),
        JsonValueKind.Number when element.TryGetDecimal(out var d) => Of(d, integer: false),
        JsonValueKind.Number => Of(element.GetRawText()),
        JsonValueKind.True => Of(true),
        JsonValueKind.False => Of(false),
        JsonValueKind.Object or JsonValueKind.Array => new(SqlKind.Json, element.GetRawText()),
        _ => Null,
    };

    /// <summary>The value as a CSV field prints it; null is an empty field.</summary>
    public override string ToString() => Kind switch
    {
        SqlKind.Null => string.Empty,
        SqlKind.Int or SqlKind.Decimal => Number.ToString(CultureInfo.InvariantCulture),
        SqlKind.Boolean => Boolean ? "true" : "false",
        _ => Text ?? string.Empty,
    };
}
