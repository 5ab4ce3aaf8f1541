using System.Globalization;
using System.Text.Json;

namespace Cos.Emulator.Operations.Select;

/// <summary>One input record as the evaluator sees it: columns by position (<c>_1</c>) and by name.</summary>
internal abstract class SelectRecord
{
    /// <summary>The value of a column path; a column the record does not have is null (SQL's MISSING).</summary>
    public abstract SqlValue Column(IReadOnlyList<string> path);

    /// <summary>Every column, in order, for <c>SELECT *</c>.</summary>
    public abstract IEnumerable<(string Name, SqlValue Value)> All();

    /// <summary><c>_N</c> (1-based) as a position, or null for another name.</summary>
    protected static int? Position(string name) =>
        name.Length > 1 && name[0] == '_' && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null;
}

/// <summary>A CSV record: its fields, named by the header line when FileHeaderInfo is USE (names match ignoring case).</summary>
internal sealed class CsvSelectRecord(IReadOnlyList<string> fields, CsvHeader? header) : SelectRecord
{
    public override SqlValue Column(IReadOnlyList<string> path)
    {
        if (path.Count != 1)
        {
            return SqlValue.Null;
        }

        var index = header?.IndexOf(path[0]) ?? Position(path[0]) - 1;
        return index is { } i && i < fields.Count ? SqlValue.Of(fields[i]) : SqlValue.Null;
    }

    public override IEnumerable<(string Name, SqlValue Value)> All() =>
        fields.Select((f, i) => (header?.NameAt(i) ?? string.Create(CultureInfo.InvariantCulture, $"_{i + 1}"), SqlValue.Of(f)));
}

/// <summary>The column names of a CSV header line (FileHeaderInfo USE).</summary>
internal sealed class CsvHeader(IReadOnlyList<string> names)
{
    private readonly Dictionary<string, int> _index = names
        .Select((name, i) => (name, i))
        .GroupBy(p => p.name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);

    /// <summary>The position (0-based) of a named column; null when no column has the name (then <c>_N</c> may still apply).</summary>
    public int? IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : null;

    public string? NameAt(int index) => index < names.Count ? names[index] : null;
}

/// <summary>A JSON record: an object whose properties are the columns; more path parts walk into nested objects.</summary>
internal sealed class JsonSelectRecord(JsonElement root) : SelectRecord
{
    public JsonElement Root => root;

    public override SqlValue Column(IReadOnlyList<string> path)
    {
        var current = root;
        foreach (var part in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return SqlValue.Null;
            }
        }

        return SqlValue.FromJson(current);
    }

    public override IEnumerable<(string Name, SqlValue Value)> All() => root.ValueKind == JsonValueKind.Object
        ? root.EnumerateObject().Select(p => (p.Name, SqlValue.FromJson(p.Value)))
        : [("_1", SqlValue.FromJson(root))];
}
