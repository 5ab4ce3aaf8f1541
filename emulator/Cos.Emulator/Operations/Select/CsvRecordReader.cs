using System.Text;

namespace Cos.Emulator.Operations.Select;

/// <summary>
/// Reads CSV records with COS's InputSerialization.CSV settings: record and field delimiters (a newline record delimiter
/// also takes <c>\r\n</c>), a quote character (a quoted field may hold delimiters), a quote escape character (by default
/// the quote doubled), and comment lines (a record whose first character is the Comments character is skipped).
/// </summary>
internal sealed class CsvRecordReader(string recordDelimiter, string fieldDelimiter, char? quote, char? quoteEscape, char? comment)
{
    public IEnumerable<List<string>> Read(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atRecordStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (atRecordStart && comment is { } mark && c == mark)
            {
                i = SkipRecord(text, i);
                continue;
            }

            atRecordStart = false;
            if (quoted)
            {
                if (quoteEscape is { } escape && c == escape && escape != quote && i + 1 < text.Length && text[i + 1] == quote)
                {
                    field.Append(quote);
                    i += 2;
                }
                else if (c == quote && i + 1 < text.Length && text[i + 1] == quote && quoteEscape == quote)
                {
                    field.Append(c);
                    i += 2;
                }
                else if (c == quote)
                {
                    quoted = false;
                    i++;
                }
                else
                {
                    field.Append(c);
                    i++;
                }
            }
            else if (c == quote && field.Length == 0)
            {
                quoted = true;
                i++;
            }
            else if (At(text, i, fieldDelimiter))
            {
                fields.Add(field.ToString());
                field.Clear();
                i += fieldDelimiter.Length;
            }
            else if (RecordEnd(text, i) is var end and > 0)
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
                atRecordStart = true;
                i += end;
            }
            else
            {
                field.Append(c);
                i++;
            }
        }

        if (!atRecordStart)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }

    /// <summary>The length of the record delimiter at <paramref name="i"/>, or 0.</summary>
    private int RecordEnd(string text, int i) =>
        At(text, i, recordDelimiter) ? recordDelimiter.Length
        : recordDelimiter == "\n" && At(text, i, "\r\n") ? 2
        : 0;

    private int SkipRecord(string text, int i)
    {
        while (i < text.Length && RecordEnd(text, i) == 0)
        {
            i++;
        }

        return i < text.Length ? i + RecordEnd(text, i) : i;
    }

    private static bool At(string text, int i, string token) => string.CompareOrdinal(text, i, token, 0, token.Length) == 0;
}
