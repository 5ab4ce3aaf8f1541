using System.Globalization;

namespace Cos.Emulator.Operations.Select;

/// <summary>
/// Parses the Select subset by recursive descent: precedence OR &lt; AND &lt; NOT &lt; comparison &lt; operand. Anything
/// else (functions other than CAST, arithmetic, LIKE, GROUP BY, a source other than COSObject) is ParseUnexpectedToken.
/// </summary>
internal sealed class SqlParser
{
    private static readonly HashSet<string> CastTypes = new(StringComparer.OrdinalIgnoreCase) { "INT", "INTEGER", "FLOAT", "DECIMAL", "STRING" };

    /// <summary>Words that end a projection item or the FROM clause, so they are never taken as an alias.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "LIMIT", "AND", "OR", "NOT", "AS", "CAST", "IS", "NULL", "TRUE", "FALSE",
    };

    private readonly List<SqlToken> _tokens;
    private int _next;

    private SqlParser(string sql) => _tokens = SqlTokenizer.Tokenize(sql);

    public static SqlQuery Parse(string sql) => new SqlParser(sql).Query();

    private SqlToken Peek => _tokens[_next];

    private SqlQuery Query()
    {
        Keyword("SELECT");
        var items = new List<(SqlExpression Expression, string? Alias)>();
        if (Peek.IsSymbol("*"))
        {
            _next++;
        }
        else
        {
            do
            {
                var expression = Or();
                items.Add((expression, OptionalAlias()));
            }
            while (Symbol(","));
        }

        Keyword("FROM");
        var source = Take();
        if (!source.Is("COSObject"))
        {
            throw SelectErrors.UnexpectedToken(source.Display, source.Position, "COSObject");
        }

        var alias = OptionalAlias();
        var where = Peek.Is("WHERE") ? Skip(Or) : null;
        long? limit = null;
        if (Peek.Is("LIMIT"))
        {
            _next++;
            var n = Take();
            limit = n.Kind == SqlTokenKind.Number && long.TryParse(n.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw SelectErrors.UnexpectedToken(n.Display, n.Position, "a whole number after LIMIT");
        }

        if (Peek.Kind != SqlTokenKind.End)
        {
            throw SelectErrors.UnexpectedToken(Peek.Display, Peek.Position, "the end of the expression");
        }

        var projection = items.Select((item, i) => new SqlProjection(Resolve(item.Expression, alias), item.Alias ?? NameOf(item.Expression, alias, i))).ToList();
        return new SqlQuery(projection, alias, where is null ? null : Resolve(where, alias), limit);
    }

    private SqlExpression Skip(Func<SqlExpression> next)
    {
        _next++;
        return next();
    }

    private SqlExpression Or()
    {
        var left = And();
        while (Peek.Is("OR"))
        {
            left = new SqlOr(left, Skip(And));
        }

        return left;
    }

    private SqlExpression And()
    {
        var left = Not();
        while (Peek.Is("AND"))
        {
            left = new SqlAnd(left, Skip(Not));
        }

        return left;
    }

    private SqlExpression Not() => Peek.Is("NOT") ? new SqlNot(Skip(Not)) : Comparison();

    private SqlExpression Comparison()
    {
        var left = Operand();
        if (Peek.Kind == SqlTokenKind.Symbol && Peek.Text is "=" or "!=" or "<>" or "<" or "<=" or ">" or ">=")
        {
            var op = Take().Text;
            return new SqlComparison(op == "<>" ? "!=" : op, left, Operand());
        }

        if (Peek.Is("IS"))
        {
            _next++;
            var negated = Peek.Is("NOT");
            _next += negated ? 1 : 0;
            Keyword("NULL");
            return new SqlIsNull(left, negated);
        }

        return left;
    }

    private SqlExpression Operand()
    {
        var token = Take();
        switch (token.Kind)
        {
            case SqlTokenKind.String:
                return new SqlLiteral(SqlValue.Of(token.Text));
            case SqlTokenKind.Number:
                var integer = !token.Text.Contains('.', StringComparison.Ordinal);
                return decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    ? new SqlLiteral(SqlValue.Of(number, integer))
                    : throw SelectErrors.UnexpectedToken(token.Text, token.Position, "a number");
            case SqlTokenKind.Symbol when token.Text == "(":
                var inner = Or();
                Expect(")");
                return inner;
            case SqlTokenKind.Name when token.Is("NULL"):
                return new SqlLiteral(SqlValue.Null);
            case SqlTokenKind.Name when token.Is("TRUE") || token.Is("FALSE"):
                return new SqlLiteral(SqlValue.Of(token.Is("TRUE")));
            case SqlTokenKind.Name when token.Is("CAST"):
                Expect("(");
                var operand = Or();
                Keyword("AS");
                var type = Take();
                if (type.Kind != SqlTokenKind.Name || !CastTypes.Contains(type.Text))
                {
                    throw SelectErrors.UnexpectedToken(type.Display, type.Position, "INT, INTEGER, FLOAT, DECIMAL or STRING");
                }

                Expect(")");
                return new SqlCast(operand, type.Text.ToUpperInvariant());
            case SqlTokenKind.Name when !Reserved.Contains(token.Text):
            case SqlTokenKind.QuotedName:
                var path = new List<string> { token.Text };
                while (Symbol("."))
                {
                    var part = Take();
                    path.Add(part.Kind is SqlTokenKind.Name or SqlTokenKind.QuotedName ? part.Text : throw SelectErrors.UnexpectedToken(part.Display, part.Position, "a column name after '.'"));
                }

                return new SqlColumn(path);
            default:
                throw SelectErrors.UnexpectedToken(token.Display, token.Position, "a column, a literal, CAST or '('");
        }
    }

    /// <summary><c>[AS] name</c>; a reserved word is not an alias.</summary>
    private string? OptionalAlias()
    {
        if (Peek.Is("AS"))
        {
            _next++;
            var name = Take();
            return name.Kind is SqlTokenKind.Name or SqlTokenKind.QuotedName ? name.Text : throw SelectErrors.UnexpectedToken(name.Display, name.Position, "a name after AS");
        }

        return (Peek.Kind == SqlTokenKind.Name && !Reserved.Contains(Peek.Text)) || Peek.Kind == SqlTokenKind.QuotedName ? Take().Text : null;
    }

    /// <summary>Drops the FROM alias from column paths (<c>s._1</c> is <c>_1</c>), which is only known after the projection.</summary>
    private static SqlExpression Resolve(SqlExpression expression, string? alias) => expression switch
    {
        SqlColumn { Path.Count: > 1 } c when alias is not null && string.Equals(c.Path[0], alias, StringComparison.OrdinalIgnoreCase) => new SqlColumn(c.Path.Skip(1).ToList()),
        SqlCast c => c with { Operand = Resolve(c.Operand, alias) },
        SqlComparison c => c with { Left = Resolve(c.Left, alias), Right = Resolve(c.Right, alias) },
        SqlAnd a => new SqlAnd(Resolve(a.Left, alias), Resolve(a.Right, alias)),
        SqlOr o => new SqlOr(Resolve(o.Left, alias), Resolve(o.Right, alias)),
        SqlNot n => new SqlNot(Resolve(n.Operand, alias)),
        SqlIsNull n => n with { Operand = Resolve(n.Operand, alias) },
        _ => expression,
    };

    /// <summary>The output name of an item without an alias: a column's last part, otherwise <c>_N</c> by position.</summary>
    private static string NameOf(SqlExpression expression, string? alias, int index) =>
        Resolve(expression, alias) is SqlColumn c ? c.Path[^1] : string.Create(CultureInfo.InvariantCulture, $"_{index + 1}");

    private SqlToken Take() => _tokens[Peek.Kind == SqlTokenKind.End ? _next : _next++];

    private bool Symbol(string symbol)
    {
        if (!Peek.IsSymbol(symbol))
        {
            return false;
        }

        _next++;
        return true;
    }

    private void Expect(string symbol)
    {
        if (!Symbol(symbol))
        {
            throw SelectErrors.UnexpectedToken(Peek.Display, Peek.Position, $"'{symbol}'");
        }
    }

    private void Keyword(string keyword)
    {
        if (!Peek.Is(keyword))
        {
            throw SelectErrors.UnexpectedToken(Peek.Display, Peek.Position, keyword);
        }

        _next++;
    }
}
