namespace Cos.Emulator.Operations.Select;

internal enum SqlTokenKind
{
    /// <summary>A keyword or a name (<c>SELECT</c>, <c>s</c>, <c>_1</c>); a double-quoted name is <see cref="QuotedName"/>.</summary>
    Name,
    QuotedName,
    String,
    Number,

    /// <summary>Punctuation and operators: <c>* , . ( ) = != &lt;&gt; &lt; &lt;= &gt; &gt;=</c>.</summary>
    Symbol,
    End,
}

/// <summary>A token of a Select expression and where it starts (1-based, for error messages).</summary>
internal sealed record SqlToken(SqlTokenKind Kind, string Text, int Position)
{
    /// <summary>Whether the token is the keyword <paramref name="keyword"/> (keywords are case-insensitive).</summary>
    public bool Is(string keyword) => Kind == SqlTokenKind.Name && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == SqlTokenKind.Symbol && Text == symbol;

    public string Display => Kind == SqlTokenKind.End ? "the end of the expression" : Text;
}
