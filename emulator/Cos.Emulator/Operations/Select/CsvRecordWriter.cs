using System.Text;

namespace Cos.Emulator.Operations.Select;

/// <summary>
/// Writes result records as CSV with COS's OutputSerialization.CSV settings: QuoteFields ALWAYS quotes every field,
/// ASNEEDED (the default) only those holding a delimiter, the quote character or a line break; a quote inside a quoted
/// field is preceded by the quote escape character (by default the quote itself, so it is doubled).
/// </summary>
internal sealed class CsvRecordWriter(string recordDelimiter, string fieldDelimiter, char quote, char quoteEscape, bool always) : ISelectRecordWriter
{
    public void Write(StringBuilder output, IReadOnlyList<(string Name, SqlValue Value)> record)
    {
        for (var i = 0; i < record.Count; i++)
        {
            if (i > 0)
            {
                output.Append(fieldDelimiter);
            }

            var text = record[i].Value.ToString();
            if (always || NeedsQuotes(text))
            {
                output.Append(quote).Append(text.Replace(quote.ToString(), $"{quoteEscape}{quote}", StringComparison.Ordinal)).Append(quote);
            }
            else
            {
                output.Append(text);
            }
        }

        output.Append(recordDelimiter);
    }

    private bool NeedsQuotes(string text) =>
        text.Contains(fieldDelimiter, StringComparison.Ordinal) || text.Contains(recordDelimiter, StringComparison.Ordinal)
        || text.Contains(quote) || text.Contains('\n') || text.Contains('\r');
}
