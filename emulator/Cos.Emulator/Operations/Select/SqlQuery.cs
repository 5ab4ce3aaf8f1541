namespace Cos.Emulator.Operations.Select;

/// <summary>A parsed Select expression: <c>SELECT {Projection} FROM COSObject [Alias] [WHERE {Where}] [LIMIT {Limit}]</c>.</summary>
/// <param name="Projection">The selected items; empty for <c>SELECT *</c>.</param>
/// <param name="Alias">The name given to COSObject, if any.</param>
/// <param name="Where">The condition a record must meet (true, not unknown); null keeps every record.</param>
/// <param name="Limit">At most this many records are returned.</param>
internal sealed record SqlQuery(IReadOnlyList<SqlProjection> Projection, string? Alias, SqlExpression? Where, long? Limit);

/// <summary>One selected item and the name it is output under (its alias, its column's name, or <c>_N</c> by position).</summary>
internal sealed record SqlProjection(SqlExpression Expression, string Name);

/// <summary>An expression of the Select subset.</summary>
internal abstract record SqlExpression;

/// <summary>A column: <c>_2</c> by position, or a name (<c>s.name</c>; more parts walk into a JSON object).</summary>
/// <param name="Path">The parts, without the FROM alias, which the parser removes.</param>
internal sealed record SqlColumn(IReadOnlyList<string> Path) : SqlExpression;

internal sealed record SqlLiteral(SqlValue Value) : SqlExpression;

/// <summary><c>CAST(x AS type)</c>, type one of INT, INTEGER, FLOAT, DECIMAL, STRING.</summary>
internal sealed record SqlCast(SqlExpression Operand, string Type) : SqlExpression;

/// <summary><c>=, !=, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=</c>.</summary>
internal sealed record SqlComparison(string Operator, SqlExpression Left, SqlExpression Right) : SqlExpression;

internal sealed record SqlAnd(SqlExpression Left, SqlExpression Right) : SqlExpression;

internal sealed record SqlOr(SqlExpression Left, SqlExpression Right) : SqlExpression;

internal sealed record SqlNot(SqlExpression Operand) : SqlExpression;

/// <summary><c>x IS [NOT] NULL</c>.</summary>
internal sealed record SqlIsNull(SqlExpression Operand, bool Negated) : SqlExpression;
