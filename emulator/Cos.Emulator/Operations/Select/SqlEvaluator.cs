using System.Globalization;

namespace Cos.Emulator.Operations.Select;

/// <summary>
/// Evaluates expressions over a record with SQL's three-valued logic (a comparison with NULL is unknown, and a WHERE keeps
/// only true). A string compared with a number is read as a number when it is one (CSV fields are all text), otherwise the
/// two compare as text, ordinally.
/// </summary>
internal static class SqlEvaluator
{
    public static bool Matches(SqlExpression? where, SelectRecord record) => where is null || Truth(where, record) == true;

    public static SqlValue Evaluate(SqlExpression expression, SelectRecord record) => expression switch
    {
        SqlLiteral l => l.Value,
        SqlColumn c => record.Column(c.Path),
        SqlCast c => Cast(Evaluate(c.Operand, record), c.Type),
        _ => Truth(expression, record) is { } b ? SqlValue.Of(b) : SqlValue.Null,
    };

    private static bool? Truth(SqlExpression expression, SelectRecord record)
    {
        switch (expression)
        {
            case SqlAnd a:
                var (l, r) = (Truth(a.Left, record), Truth(a.Right, record));
                return l == false || r == false ? false : l is null || r is null ? null : true;
            case SqlOr o:
                var (lo, ro) = (Truth(o.Left, record), Truth(o.Right, record));
                return lo == true || ro == true ? true : lo is null || ro is null ? null : false;
            case SqlNot n:
                return !Truth(n.Operand, record);
            case SqlIsNull n:
                return (Evaluate(n.Operand, record).Kind == SqlKind.Null) != n.Negated;
            case SqlComparison c:
                return Compare(Evaluate(c.Left, record), Evaluate(c.Right, record)) is { } order ? c.Operator switch
                {
                    "=" => order == 0,
                    "!=" => order != 0,
                    "<" => order < 0,
                    "<=" => order <= 0,
                    ">" => order > 0,
                    _ => order >= 0,
                } : null;
            default:
                var value = Evaluate(expression, record);
                return value.Kind switch
                {
                    SqlKind.Boolean => value.Boolean,
                    SqlKind.String when bool.TryParse(value.Text, out var b) => b,
                    _ => null,
                };
        }
    }

    private static int? Compare(SqlValue left, SqlValue right)
    {
        if (left.Kind == SqlKind.Null || right.Kind == SqlKind.Null)
        {
            return null;
        }

        if ((left.IsNumber || right.IsNumber) && AsNumber(left) is { } l && AsNumber(right) is { } r)
        {
            return l.CompareTo(r);
        }

        return string.CompareOrdinal(left.ToString(), right.ToString());
    }

    private static decimal? AsNumber(SqlValue value) => value.IsNumber
        ? value.Number
        : decimal.TryParse(value.Text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>CAST: INT and INTEGER truncate a decimal; a value that is not a number is CastFailed; NULL stays NULL.</summary>
    private static SqlValue Cast(SqlValue value, string type)
    {
        if (value.Kind == SqlKind.Null)
        {
            return value;
        }

        if (type == "STRING")
        {
            return SqlValue.Of(value.ToString());
        }

        var number = AsNumber(value) ?? (value.Kind == SqlKind.Boolean ? (value.Boolean ? 1 : 0) : throw SelectErrors.CastFailed(value.ToString(), type));
        return type is "INT" or "INTEGER" ? SqlValue.Of(decimal.Truncate(number), integer: true) : SqlValue.Of(number, integer: false);
    }
}
