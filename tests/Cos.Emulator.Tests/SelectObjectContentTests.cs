using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using Cos.Generated;

namespace Cos.Emulator.Tests;

/// <summary>
/// SELECT Object Content through our client: the SQL subset (projections, WHERE, CAST, LIMIT), the CSV header modes,
/// JSON input and output, the errors, and the event framing checked byte by byte against an independent CRC-32.
/// </summary>
public sealed class SelectObjectContentTests
{
    private const string People = "name,age,city\nzhang,30,beijing\nli,25,shanghai\nwang,41,\"guang,zhou\"\n";

    [Fact]
    public async Task Select_star_returns_every_record_and_positions_name_columns_without_a_header()
    {
        var (records, _) = await SelectCsvAsync(People, "SELECT * FROM COSObject", "NONE");
        records.ShouldBe(People);

        (records, _) = await SelectCsvAsync(People, "SELECT s._1, _3 FROM COSObject s WHERE s._2 = '25'", "NONE");
        records.ShouldBe("li,shanghai\n");
    }

    [Fact]
    public async Task USE_names_the_columns_IGNORE_skips_the_header()
    {
        (await SelectCsvAsync(People, "SELECT s.city FROM COSObject s WHERE s.name = 'wang'", "USE")).Records.ShouldBe("\"guang,zhou\"\n");
        (await SelectCsvAsync(People, "SELECT _1 FROM COSObject", "IGNORE")).Records.ShouldBe("zhang\nli\nwang\n");
        (await SelectCsvAsync(People, "SELECT _1 FROM COSObject LIMIT 1", "NONE")).Records.ShouldBe("name\n", "NONE reads the header line as a record");
    }

    [Theory]
    [InlineData("CAST(s.age AS INT) > 28", "zhang\nwang\n")]
    [InlineData("CAST(s.age AS INT) >= 30 AND s.city <> 'beijing'", "wang\n")]
    [InlineData("s.name = 'li' OR s.name = 'wang'", "li\nwang\n")]
    [InlineData("NOT (s.name = 'li' OR CAST(s.age AS FLOAT) < 26.5)", "zhang\nwang\n")]
    [InlineData("s.age != '30' AND s.age <= '41'", "li\nwang\n")]
    [InlineData("s.missing IS NULL AND s.name < 'm'", "li\n")]
    public async Task Where_compares_with_and_or_not_and_casts(string where, string expected)
    {
        (await SelectCsvAsync(People, $"SELECT s.name FROM COSObject s WHERE {where}", "USE")).Records.ShouldBe(expected);
    }

    [Fact]
    public async Task Limit_aliases_and_cast_output()
    {
        var (records, _) = await SelectCsvAsync(People, "SELECT s.name AS who, CAST(s.age AS DECIMAL) FROM COSObject AS s LIMIT 2", "USE", json: true);
        records.ShouldBe("{\"who\":\"zhang\",\"_2\":30}\n{\"who\":\"li\",\"_2\":25}\n");
    }

    [Fact]
    public async Task Csv_settings_are_honoured_on_both_sides()
    {
        const string object_ = "#comment\na|'x|y'|1\r\nb|'it''s'|2\r\n";
        var input = new SelectCsvInput { FileHeaderInfo = "NONE", FieldDelimiter = "|", QuoteCharacter = "'", QuoteEscapeCharacter = "'", Comments = "#" };
        var output = new SelectCsvOutput { QuoteFields = "ALWAYS", FieldDelimiter = ";", RecordDelimiter = "\r\n" };
        var (records, _) = await SelectAsync(object_, "SELECT s._2, s._3 FROM COSObject s", new SelectInputSerialization { Csv = input }, new SelectOutputSerialization { Csv = output });
        records.ShouldBe("\"x|y\";\"1\"\r\n\"it's\";\"2\"\r\n");
    }

    [Fact]
    public async Task Json_lines_and_documents_in_json_out()
    {
        const string lines = "{\"name\":\"zhang\",\"age\":30,\"tags\":[\"a\"]}\n{\"name\":\"li\",\"age\":25.5,\"address\":{\"city\":\"sh\"}}\n";
        var input = new SelectInputSerialization { Json = new SelectJsonInput { Type = "LINES" } };
        var json = new SelectOutputSerialization { Json = new SelectJsonOutput { RecordDelimiter = "," } };
        (await SelectAsync(lines, "SELECT * FROM COSObject s WHERE s.age > 26", input, json)).Records.ShouldBe("{\"name\":\"zhang\",\"age\":30,\"tags\":[\"a\"]},");
        (await SelectAsync(lines, "SELECT s.address.city, s.age FROM COSObject s WHERE s.age < 26", input, json)).Records.ShouldBe("{\"city\":\"sh\",\"age\":25.5},");

        var document = new SelectInputSerialization { Json = new SelectJsonInput { Type = "DOCUMENT" } };
        var csv = new SelectOutputSerialization { Csv = new SelectCsvOutput() };
        (await SelectAsync("{\n  \"name\": \"wang\",\n  \"age\": 41\n}\n", "SELECT s.name, s.age FROM COSObject s", document, csv)).Records.ShouldBe("wang,41\n");
    }

    [Fact]
    public async Task A_gzip_object_is_read_when_the_request_says_GZIP()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(People));
        }

        var input = new SelectInputSerialization { CompressionType = "GZIP", Csv = new SelectCsvInput { FileHeaderInfo = "USE" } };
        var (records, stats) = await SelectAsync(compressed.ToArray(), "SELECT s.name FROM COSObject s LIMIT 1", input, new SelectOutputSerialization { Csv = new SelectCsvOutput() });
        records.ShouldBe("zhang\n");
        stats.ShouldBe(new SelectStats { BytesScanned = compressed.Length, BytesProcessed = Encoding.UTF8.GetByteCount(People), BytesReturned = 6 });
    }

    [Theory]
    [InlineData("SELECT * FROM COSObject WHERE", "ParseUnexpectedToken")]
    [InlineData("SELECT s.name FROM s3object s", "ParseUnexpectedToken")]
    [InlineData("SELECT * FROM COSObject WHERE s.name = 'open", "ParseUnexpectedToken")]
    [InlineData("SELECT CAST(s.name AS BLOB) FROM COSObject s", "ParseUnexpectedToken")]
    [InlineData("SELECT * FROM COSObject LIMIT x", "ParseUnexpectedToken")]
    [InlineData("SELECT CAST(s.name AS INT) FROM COSObject s", "CastFailed")]
    public async Task A_bad_expression_is_a_400_with_its_code(string sql, string code)
    {
        var error = await Should.ThrowAsync<CosException>(() => SelectCsvAsync(People, sql, "USE"));
        (error.StatusCode, error.ErrorCode).ShouldBe((400, code));
    }

    [Fact]
    public async Task Large_results_are_chunked_and_progress_comes_before_stats_and_end()
    {
        var text = string.Concat(Enumerable.Range(0, 20000).Select(i => $"row{i},{i}\n"));
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        await PutAsync(client, "big.csv", Encoding.UTF8.GetBytes(text));
        await using var result = await client.SelectObjectContentAsync(Request("big.csv", "SELECT * FROM COSObject", new SelectInputSerialization { Csv = new SelectCsvInput() }, new SelectOutputSerialization { Csv = new SelectCsvOutput() }, progress: true));
        var events = await result.Events.ToListAsync();

        var records = events.OfType<SelectEvent.Records>().ToList();
        records.Count.ShouldBe((Encoding.UTF8.GetByteCount(text) + 65535) / 65536);
        records.ShouldAllBe(r => r.Payload.Length <= 65536);
        Encoding.UTF8.GetString(records.SelectMany(r => r.Payload.ToArray()).ToArray()).ShouldBe(text);
        events.Skip(records.Count).Select(e => e.GetType().Name).ShouldBe(["Progress", "Stats", "End"]);
    }

    [Fact]
    public async Task The_version_asked_for_is_read_and_an_archived_object_is_InvalidObjectState()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        await client.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = Emulators.Bucket, Status = BucketVersioningStatus.Enabled });
        var first = await PutAsync(client, "v.csv", "old\n"u8.ToArray());
        await PutAsync(client, "v.csv", "new\n"u8.ToArray());
        var csv = new SelectInputSerialization { Csv = new SelectCsvInput() };
        var output = new SelectOutputSerialization { Csv = new SelectCsvOutput() };

        await using (var old = await client.SelectObjectContentAsync(Request("v.csv", "SELECT * FROM COSObject", csv, output, versionId: first.VersionId)))
        {
            Encoding.UTF8.GetString((await old.Events.ToListAsync()).OfType<SelectEvent.Records>().Single().Payload.Span).ShouldBe("old\n");
        }

        await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "cold.csv", Body = new MemoryStream("a\n"u8.ToArray()), StorageClass = StorageClass.Archive });
        var error = await Should.ThrowAsync<CosException>(() => client.SelectObjectContentAsync(Request("cold.csv", "SELECT * FROM COSObject", csv, output)));
        (error.StatusCode, error.ErrorCode).ShouldBe((403, "InvalidObjectState"));
    }

    [Fact]
    public async Task Every_message_is_framed_with_crcs_an_independent_crc32_agrees_with()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        await PutAsync(client, "f.csv", "a,1\nb,2\n"u8.ToArray());
        const string body = "<SelectRequest><Expression>SELECT * FROM COSObject</Expression><ExpressionType>SQL</ExpressionType>"
            + "<InputSerialization><CompressionType>NONE</CompressionType><CSV><FileHeaderInfo>NONE</FileHeaderInfo></CSV></InputSerialization>"
            + "<OutputSerialization><CSV/></OutputSerialization><RequestProgress><Enabled>TRUE</Enabled></RequestProgress></SelectRequest>";
        using var http = Emulators.Raw(cos);
        using var response = await http.SendAsync(RawRequests.Create(cos, HttpMethod.Post, "/f.csv?select&select-type=2", Encoding.UTF8.GetBytes(body)));
        ((int)response.StatusCode).ShouldBe(200);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var messages = new List<(Dictionary<string, string> Headers, string Payload)>();
        for (var at = 0; at < bytes.Length;)
        {
            var total = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
            var headersLength = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 4));
            BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 8)).ShouldBe(Crc32.HashToUInt32(bytes.AsSpan(at, 8)), "the prelude CRC-32");
            BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + total - 4)).ShouldBe(Crc32.HashToUInt32(bytes.AsSpan(at, total - 4)), "the message CRC-32");
            var headers = new Dictionary<string, string>();
            for (var h = at + 12; h < at + 12 + headersLength;)
            {
                var name = Encoding.UTF8.GetString(bytes, h + 1, bytes[h]);
                h += 1 + bytes[h];
                bytes[h].ShouldBe((byte)7, "every header is a string");
                var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(h + 1));
                headers[name] = Encoding.UTF8.GetString(bytes, h + 3, length);
                h += 3 + length;
            }

            messages.Add((headers, Encoding.UTF8.GetString(bytes, at + 12 + headersLength, total - 16 - headersLength)));
            at += total;
        }

        messages.Select(m => m.Headers[":event-type"]).ShouldBe(["Records", "Progress", "Stats", "End"]);
        messages.ShouldAllBe(m => m.Headers[":message-type"] == "event");
        messages[0].Payload.ShouldBe("a,1\nb,2\n");
        messages[0].Headers[":content-type"].ShouldBe("application/octet-stream");
        messages[2].Payload.ShouldBe("<Stats><BytesScanned>8</BytesScanned><BytesProcessed>8</BytesProcessed><BytesReturned>8</BytesReturned></Stats>");
        messages[1].Payload.ShouldStartWith("<Progress>");
        messages[3].Payload.ShouldBeEmpty();
    }

    [Fact]
    public async Task Whitespace_delimiters_survive_the_request_xml()
    {
        // A tab or a bare newline is an element of nothing but whitespace, which an XML reader that ignores whitespace drops.
        var input = new SelectInputSerialization { Csv = new SelectCsvInput { FieldDelimiter = "\t", RecordDelimiter = "\n" } };
        var output = new SelectOutputSerialization { Csv = new SelectCsvOutput { FieldDelimiter = "\t" } };
        (await SelectAsync("a,b\tc\n", "SELECT _2, _1 FROM COSObject", input, output)).Records.ShouldBe("c\ta,b\n");
    }

    [Fact]
    public async Task Delimiters_written_as_escapes_stand_for_the_control_characters()
    {
        // COS's request samples and the SDKs' examples send <RecordDelimiter>\n</RecordDelimiter> as two characters.
        var input = new SelectInputSerialization { Csv = new SelectCsvInput { FieldDelimiter = "\\t", RecordDelimiter = "\\r\\n" } };
        var output = new SelectOutputSerialization { Csv = new SelectCsvOutput { RecordDelimiter = "\\n" } };
        (await SelectAsync("a\tb\r\nc\td\r\n", "SELECT _2 FROM COSObject", input, output)).Records.ShouldBe("b\nd\n");
    }

    private static Task<(string Records, SelectStats Stats)> SelectCsvAsync(string content, string sql, string headerInfo, bool json = false) =>
        SelectAsync(
            content,
            sql,
            new SelectInputSerialization { CompressionType = "NONE", Csv = new SelectCsvInput { FileHeaderInfo = headerInfo } },
            json ? new SelectOutputSerialization { Json = new SelectJsonOutput() } : new SelectOutputSerialization { Csv = new SelectCsvOutput() });

    private static Task<(string Records, SelectStats Stats)> SelectAsync(string content, string sql, SelectInputSerialization input, SelectOutputSerialization output) =>
        SelectAsync(Encoding.UTF8.GetBytes(content), sql, input, output);

    private static async Task<(string Records, SelectStats Stats)> SelectAsync(byte[] content, string sql, SelectInputSerialization input, SelectOutputSerialization output)
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        await PutAsync(client, "data", content);
        await using var result = await client.SelectObjectContentAsync(Request("data", sql, input, output));
        var events = await result.Events.ToListAsync();
        events[^1].ShouldBeOfType<SelectEvent.End>();
        var records = Encoding.UTF8.GetString(events.OfType<SelectEvent.Records>().SelectMany(r => r.Payload.ToArray()).ToArray());
        return (records, events.OfType<SelectEvent.Stats>().Single().Payload);
    }

    private static Task<PutObjectResponse> PutAsync(CosClient client, string key, byte[] content) =>
        client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = key, Body = new MemoryStream(content) });

    private static SelectObjectContentRequest Request(string key, string sql, SelectInputSerialization input, SelectOutputSerialization output, bool progress = false, string? versionId = null) => new()
    {
        VersionId = versionId,
        RequestProgress = progress ? new SelectRequestProgress { Enabled = true } : null,
        Bucket = Emulators.Bucket,
        Key = key,
        Expression = sql,
        ExpressionType = "SQL",
        InputSerialization = input,
        OutputSerialization = output,
    };
}
