using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Cos.Emulator.Errors;
using Cos.Generated;

namespace Cos.Emulator.Operations.Select;

/// <summary>
/// Runs a SelectRequest over an object's bytes and answers the events COS sends: Records in chunks of at most
/// <see cref="ChunkBytes"/>, a Progress when RequestProgress is enabled, Stats, End. The whole result is computed
/// before the first event, so every error (bad SQL, a failed CAST, a malformed JSON record) is an ordinary 400.
/// </summary>
internal static class SelectRunner
{
    /// <summary>The largest Records payload; a record may be split across two events, as COS's may be.</summary>
    public const int ChunkBytes = 64 * 1024;

    public static List<SelectEvent> Run(SelectObjectContentRequest request, byte[] stored)
    {
        if (!string.Equals(request.ExpressionType, "SQL", StringComparison.OrdinalIgnoreCase))
        {
            throw SelectErrors.InvalidExpressionType(request.ExpressionType);
        }

        var query = SqlParser.Parse(request.Expression);
        var content = Decompress(stored, request.InputSerialization.CompressionType);
        var output = new StringBuilder();
        var writer = Writer(request.OutputSerialization);
        long returned = 0;
        foreach (var record in Records(request.InputSerialization, content))
        {
            if (query.Limit is { } limit && returned >= limit)
            {
                break;
            }

            if (SqlEvaluator.Matches(query.Where, record))
            {
                var values = query.Projection.Count == 0
                    ? record.All().ToList()
                    : query.Projection.Select(p => (p.Name, SqlEvaluator.Evaluate(p.Expression, record))).ToList();
                writer.Write(output, values);
                returned++;
            }
        }

        var bytes = Encoding.UTF8.GetBytes(output.ToString());
        var events = new List<SelectEvent>();
        for (var offset = 0; offset < bytes.Length; offset += ChunkBytes)
        {
            events.Add(new SelectEvent.Records { Payload = bytes.AsMemory(offset, Math.Min(ChunkBytes, bytes.Length - offset)) });
        }

        var stats = new SelectStats { BytesScanned = stored.Length, BytesProcessed = content.Length, BytesReturned = bytes.Length };
        if (request.RequestProgress?.Enabled == true)
        {
            events.Add(new SelectEvent.Progress { Payload = stats });
        }

        events.Add(new SelectEvent.Stats { Payload = stats });
        events.Add(new SelectEvent.End());
        return events;
    }

    /// <summary>NONE as it is; GZIP through GZipStream (cheap); BZIP2 is something the emulator does not read.</summary>
    private static byte[] Decompress(byte[] stored, string? compression)
    {
        switch (compression?.ToUpperInvariant())
        {
            case null or "" or "NONE":
                return stored;
            case "GZIP":
                try
                {
                    using var gzip = new GZipStream(new MemoryStream(stored), CompressionMode.Decompress);
                    using var plain = new MemoryStream();
                    gzip.CopyTo(plain);
                    return plain.ToArray();
                }
                catch (InvalidDataException e)
                {
                    throw CosErrors.InvalidArgument($"CompressionType is GZIP, but the object is not GZIP data: {e.Message}");
                }

            case "BZIP2":
                throw CosErrors.NotImplemented("CompressionType BZIP2 in SELECT Object Content");
            default:
                throw CosErrors.InvalidArgument($"CompressionType '{compression}' is not NONE, GZIP or BZIP2.");
        }
    }

    private static IEnumerable<SelectRecord> Records(SelectInputSerialization input, byte[] content)
    {
        if (input.Json is { } json)
        {
            return json.Type?.ToUpperInvariant() is null or "LINES" or "DOCUMENT"
                ? JsonRecords(content)
                : throw CosErrors.InvalidArgument($"JSON Type '{json.Type}' is not DOCUMENT or LINES.");
        }

        if (input.Csv is not { } csv)
        {
            throw CosErrors.NotImplemented("An InputSerialization other than CSV or JSON (Parquet) in SELECT Object Content");
        }

        var reader = new CsvRecordReader(
            Delimiter(csv.RecordDelimiter, "\n"),
            Delimiter(csv.FieldDelimiter, ","),
            OneChar(csv.QuoteCharacter, '"', "QuoteCharacter"),
            OneChar(csv.QuoteEscapeCharacter, '"', "QuoteEscapeCharacter"),
            string.IsNullOrEmpty(csv.Comments) ? null : OneChar(csv.Comments, '#', "Comments"));
        return CsvRecords(reader.Read(Encoding.UTF8.GetString(content)), csv.FileHeaderInfo?.ToUpperInvariant() ?? "NONE");
    }

    private static IEnumerable<SelectRecord> CsvRecords(IEnumerable<List<string>> rows, string headerInfo)
    {
        if (headerInfo is not ("NONE" or "USE" or "IGNORE"))
        {
            throw CosErrors.InvalidArgument($"FileHeaderInfo '{headerInfo}' is not NONE, USE or IGNORE.");
        }

        CsvHeader? header = null;
        var first = headerInfo != "NONE";
        foreach (var row in rows)
        {
            if (first)
            {
                first = false;
                header = headerInfo == "USE" ? new CsvHeader(row) : null;
                continue;
            }

            yield return new CsvSelectRecord(row, header);
        }
    }

    private static IEnumerable<SelectRecord> JsonRecords(byte[] content)
    {
        using var records = JsonRecordReader.Read(content).GetEnumerator();
        while (true)
        {
            try
            {
                if (!records.MoveNext())
                {
                    yield break;
                }
            }
            catch (JsonException e)
            {
                throw CosErrors.InvalidArgument($"The object is not valid JSON: {e.Message}");
            }

            yield return records.Current;
        }
    }

    private static ISelectRecordWriter Writer(SelectOutputSerialization output)
    {
        if (output.Json is { } json)
        {
            return new JsonRecordWriter(Delimiter(json.RecordDelimiter, "\n"));
        }

        var csv = output.Csv ?? new SelectCsvOutput();
        var quoteFields = csv.QuoteFields?.ToUpperInvariant() ?? "ASNEEDED";
        if (quoteFields is not ("ASNEEDED" or "ALWAYS"))
        {
            throw CosErrors.InvalidArgument($"QuoteFields '{csv.QuoteFields}' is not ASNEEDED or ALWAYS.");
        }

        var quote = OneChar(csv.QuoteCharacter, '"', "QuoteCharacter");
        return new CsvRecordWriter(Delimiter(csv.RecordDelimiter, "\n"), Delimiter(csv.FieldDelimiter, ","), quote, OneChar(csv.QuoteEscapeCharacter, quote, "QuoteEscapeCharacter"), quoteFields == "ALWAYS");
    }

    /// <summary>
    /// A delimiter, or its default when absent. COS's request samples and the official SDKs' examples write delimiters
    /// as escapes (<c>\n</c>, two characters), so <c>\n</c>, <c>\r</c> and <c>\t</c> stand for the control characters.
    /// </summary>
    private static string Delimiter(string? value, string fallback) => string.IsNullOrEmpty(value)
        ? fallback
        : value.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\r", "\r", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal);

    private static char OneChar(string? value, char fallback, string name) => value switch
    {
        null or "" => fallback,
        { Length: 1 } => value[0],
        _ => throw CosErrors.InvalidArgument($"{name} must be one character, not '{value}'."),
    };
}
