using System.Text;

namespace Cos.Emulator.Operations.Select;

/// <summary>Splits a Select expression into tokens; an unterminated string or a stray character is ParseUnexpectedToken.</summary>
internal static class SqlTokenizer
{
    public static List<SqlToken> Tokenize(string sql)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new(SqlTokenKind.Name, sql[start..i], start + 1));
            }
            else if (char.IsDigit(c))
            {
                while (i < sql.Length && (char.IsDigit(sql[i]) || sql[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new(SqlTokenKind.Number, sql[start..i], start + 1));
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(new(c == '\'' ? SqlTokenKind.String : SqlTokenKind.QuotedName, Quoted(sql, ref i, c), start + 1));
            }
            else if (Symbol(sql, i) is { } symbol)
            {
                i += symbol.Length;
                tokens.Add(new(SqlTokenKind.Symbol, symbol, start + 1));
            }
            else
            {
                throw SelectErrors.UnexpectedToken(c.ToString(), start + 1, "a name, a literal or an operator");
            }
        }

        tokens.Add(new(SqlTokenKind.End, string.Empty, sql.Length + 1));
        return tokens;
    }

    /// <summary>A quoted string or name; the quote doubled stands for itself (<c>'it''s'</c>).</summary>
    private static string Quoted(string sql, ref int i, char quote)
    {
        var start = i;
        var text = new StringBuilder();
        i++;
        while (i < sql.Length)
        {
            if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    text.Append(quote);
                    i += 2;
                    continue;
                }

                i++;
                return text.ToString();
            }

            text.Append(sql[i++]);
        }

        throw SelectErrors.UnexpectedToken(sql[start..], start + 1, $"a closing {quote}");
    }

    private static string? Symbol(string sql, int i)
    {
        var two = i + 1 < sql.Length ? sql.Substring(i, 2) : null;
        if (two is "!=" or "<>" or "<=" or ">=")
        {
            return two;
        }

        return sql[i] is '*' or ',' or '.' or '(' or ')' or '=' or '<' or '>' ? sql[i].ToString() : null;
    }
}
