using Microsoft.CodeAnalysis;
using Shouldly;
using Xunit;

namespace Cos.Generator.Tests;

/// <summary>Every malformed spec yields a diagnostic with a stable ID on the right line, never a crash or silently missing code.</summary>
public sealed class DiagnosticTests
{
    private const string Valid = """
        {
          "service": { "name": "T", "namespace": "T.Api", "client": "TClient" },
          "operations": {
            "Get": {
              "http": { "method": "GET", "uri": "/{Key+}" },
              "safety": "readonly",
              "input": { "members": {
                "Bucket": { "type": "string", "in": "host", "required": true },
                "Key": { "type": "string", "in": "label", "required": true }
              } }
            }
          },
          "shapes": {
            "Doc": { "members": { "Text": "string" } }
          }
        }
        """;

    private const string Safety = "\"safety\": \"readonly\",";
    private const string KeyLine = "\"in\": \"label\", \"required\": true }";
    private const string DocShape = "\"Doc\": { \"members\": { \"Text\": \"string\" } }";

    public static TheoryData<string, string, string, int> Cases => new()
    {
        // id, text to replace in Valid, replacement, expected 1-based line
        { "COSGEN001", "\"safety\": \"readonly\",", "\"safety\": \"readonly\" \"oops\",", 6 },
        { "COSGEN002", "\"safety\": \"readonly\",", string.Empty, 4 },
        { "COSGEN003", "\"method\": \"GET\"", "\"method\": \"FETCH\"", 5 },
        { "COSGEN003", "\"safety\": \"readonly\"", "\"safety\": \"sometimes\"", 6 },
        { "COSGEN004", "\"type\": \"string\", \"in\": \"label\"", "\"type\": \"Strung\", \"in\": \"label\"", 9 },
        { "COSGEN005", "\"in\": \"label\", \"required\": true }", "\"in\": \"label\", \"required\": true }, \"Tags\": { \"type\": \"list<string>\", \"in\": \"header\" }", 9 },
        { "COSGEN006", "\"uri\": \"/{Key+}\"", "\"uri\": \"/{Name+}\"", 5 },
        { "COSGEN007", "\"Get\": {", "\"get-thing\": {", 4 },
        { "COSGEN008", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"paginated\": { \"inputToken\": \"Marker\", \"outputToken\": \"NextMarker\", \"items\": \"Items\" },", 6 },
        { "COSGEN009", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"retries\": 3,", 6 },

        // crc64Of: an unknown body, on something that is not a uint64 output header, or naming a payload the operation lacks.
        { "COSGEN003", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"output\": { \"members\": { \"Crc\": { \"type\": \"uint64\", \"in\": \"header\", \"crc64Of\": \"both\" } } },", 6 },
        { "COSGEN003", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"output\": { \"members\": { \"Crc\": { \"type\": \"string\", \"in\": \"header\", \"crc64Of\": \"responseBody\" } } },", 6 },
        { "COSGEN003", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"output\": { \"members\": { \"Crc\": { \"type\": \"uint64\", \"in\": \"header\", \"crc64Of\": \"responseBody\" } } },", 6 },
        { "COSGEN003", "\"in\": \"label\", \"required\": true }", "\"in\": \"label\", \"required\": true }, \"Crc\": { \"type\": \"uint64\", \"in\": \"header\", \"crc64Of\": \"requestBody\" }", 9 },

        // Element text and attributes: a root nothing is read from (GetBucketLocation without xmlText), text beside
        // elements, two texts, an attribute that is not a scalar, text outside the body, a prefix with no namespace,
        // a namespace without an attribute.
        { "COSGEN010", Safety, Safety + " \"output\": { \"xmlName\": \"LocationConstraint\", \"members\": {} },", 6 },
        { "COSGEN010", Safety, Safety + " \"output\": { \"xmlName\": \"R\", \"members\": { \"A\": { \"type\": \"string\", \"xmlText\": true }, \"B\": \"string\" } },", 6 },
        { "COSGEN010", Safety, Safety + " \"output\": { \"xmlName\": \"R\", \"members\": { \"A\": { \"type\": \"string\", \"xmlText\": true }, \"B\": { \"type\": \"int32\", \"xmlText\": true } } },", 6 },
        { "COSGEN010", Safety, Safety + " \"output\": { \"xmlName\": \"R\", \"members\": { \"A\": { \"type\": \"list<string>\", \"xmlAttribute\": true } } },", 6 },
        { "COSGEN010", Safety, Safety + " \"output\": { \"members\": { \"A\": { \"type\": \"string\", \"in\": \"header\", \"xmlText\": true } } },", 6 },
        { "COSGEN010", Safety, Safety + " \"output\": { \"xmlName\": \"R\", \"members\": { \"A\": { \"type\": \"string\", \"xmlAttribute\": true, \"name\": \"xsi:type\" } } },", 6 },
        { "COSGEN003", Safety, Safety + " \"output\": { \"xmlName\": \"R\", \"members\": { \"A\": { \"type\": \"string\", \"xmlNamespace\": \"urn:x\" } } },", 6 },

        // JSON: the json format on a stream, a structure payload without it, raw JSON in an XML shape or body.
        { "COSGEN010", Safety, Safety + " \"output\": { \"members\": { \"Body\": { \"type\": \"stream\", \"in\": \"payload\", \"format\": \"json\" } } },", 6 },
        { "COSGEN010", Safety, Safety + " \"output\": { \"members\": { \"P\": { \"type\": \"Doc\", \"in\": \"payload\" } } },", 6 },
        { "COSGEN010", DocShape, "\"Doc\": { \"members\": { \"Text\": \"json\" } }", 14 },
        { "COSGEN005", Safety, Safety + " \"output\": { \"xmlName\": \"R\", \"members\": { \"C\": \"json\" } },", 6 },

        // Event streams: an unknown payload, an XML root for raw bytes, an event named like the payload property.
        { "COSGEN004", DocShape, DocShape + ", \"E\": { \"events\": { \"X\": { \"payload\": \"Nope\" } } }", 14 },
        { "COSGEN010", DocShape, DocShape + ", \"E\": { \"events\": { \"X\": { \"payload\": \"bytes\", \"xmlName\": \"X\" } } }", 14 },
        { "COSGEN007", DocShape, DocShape + ", \"E\": { \"events\": { \"Payload\": {} } }", 14 },

        // Alternative statuses: on an input, without 'status', a 5xx, on a non-boolean, two on one status.
        { "COSGEN005", KeyLine, KeyLine + ", \"M\": { \"type\": \"boolean\", \"in\": \"status\", \"status\": 304 }", 9 },
        { "COSGEN002", Safety, Safety + " \"output\": { \"members\": { \"NotModified\": { \"type\": \"boolean\", \"in\": \"status\" } } },", 6 },
        { "COSGEN003", Safety, Safety + " \"output\": { \"members\": { \"NotModified\": { \"type\": \"boolean\", \"in\": \"status\", \"status\": 503 } } },", 6 },
        { "COSGEN005", Safety, Safety + " \"output\": { \"members\": { \"NotModified\": { \"type\": \"string\", \"in\": \"status\", \"status\": 304 } } },", 6 },
        { "COSGEN003", Safety, Safety + " \"output\": { \"members\": { \"A\": { \"type\": \"boolean\", \"in\": \"status\", \"status\": 304 }, \"B\": { \"type\": \"boolean\", \"in\": \"status\", \"status\": 304 } } },", 6 },
        { "COSGEN003", KeyLine, KeyLine + ", \"M\": { \"type\": \"string\", \"in\": \"header\", \"status\": 304 }", 9 },

        // unix-seconds on something that is not a timestamp.
        { "COSGEN003", KeyLine, KeyLine + ", \"T\": { \"type\": \"string\", \"in\": \"query\", \"format\": \"unix-seconds\" }", 9 },

        // Ranges and defaults: on a string, min above max, a default outside the range, a fraction, a default on a required member.
        { "COSGEN003", KeyLine, KeyLine + ", \"N\": { \"type\": \"string\", \"in\": \"query\", \"min\": 1 }", 9 },
        { "COSGEN003", KeyLine, KeyLine + ", \"N\": { \"type\": \"int32\", \"in\": \"query\", \"min\": 10, \"max\": 1 }", 9 },
        { "COSGEN003", KeyLine, KeyLine + ", \"N\": { \"type\": \"int32\", \"in\": \"query\", \"max\": 1000, \"default\": 2000 }", 9 },
        { "COSGEN003", KeyLine, KeyLine + ", \"N\": { \"type\": \"int64\", \"in\": \"header\", \"max\": 1.5 }", 9 },
        { "COSGEN003", KeyLine, KeyLine + ", \"N\": { \"type\": \"int32\", \"in\": \"query\", \"required\": true, \"default\": 1 }", 9 },
        { "COSGEN003", KeyLine, KeyLine + ", \"N\": { \"type\": \"int32\", \"in\": \"query\", \"max\": 3000000000 }", 9 },

        // Errors: a status that is not an error, the same status twice.
        { "COSGEN003", "\"shapes\": {", "\"errors\": { \"Oops\": { \"status\": [400, 200] } }, \"shapes\": {", 13 },
        { "COSGEN003", "\"shapes\": {", "\"errors\": { \"Oops\": { \"status\": [403, 403] } }, \"shapes\": {", 13 },

        // Custom hooks: an unknown hook, none.
        { "COSGEN003", Safety, Safety + " \"custom\": [\"marshal\"],", 6 },
        { "COSGEN003", Safety, Safety + " \"custom\": [],", 6 },

        // Query: a member on a sub-resource's key, two members on one key, a label in the query; two members on one header.
        { "COSGEN007", KeyLine, KeyLine + ", \"A\": { \"type\": \"string\", \"in\": \"query\", \"name\": \"id\" }, \"B\": { \"type\": \"int32\", \"in\": \"query\", \"name\": \"id\" }", 7 },
        { "COSGEN006", "\"uri\": \"/{Key+}\"", "\"uri\": \"/{Key+}?inventory&id={Id}\"", 5 },
        { "COSGEN007", KeyLine, KeyLine + ", \"A\": { \"type\": \"string\", \"in\": \"header\", \"name\": \"x-a\" }, \"B\": { \"type\": \"string\", \"in\": \"header\", \"name\": \"X-A\" }", 7 },

        // cam: the action written with its prefix, a resource member that is not a query member, a copy source that is
        // not a header, a batch key list that is not a list of structures with a Key, no action, an unknown property.
        { "COSGEN003", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"cam\": { \"action\": \"name/cos:GetObject\" },", 6 },
        { "COSGEN003", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"cam\": { \"action\": \"GetBucket\", \"resourceQuery\": \"Key\" },", 6 },
        { "COSGEN003", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"cam\": { \"action\": \"PutObject\", \"copySource\": \"Bucket\" },", 6 },
        { "COSGEN003", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"cam\": { \"action\": \"DeleteObject\", \"eachKeyOf\": \"Key\" },", 6 },
        { "COSGEN002", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"cam\": { },", 6 },
        { "COSGEN009", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"cam\": { \"action\": \"GetObject\", \"resource\": \"Key\" },", 6 },

        // urlEncoded: 'when' that names no output member, a member that is not a string output member, no 'when'.
        { "COSGEN003", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"urlEncoded\": { \"when\": \"EncodingType\", \"members\": [] },", 6 },
        { "COSGEN002", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"urlEncoded\": { \"members\": [] },", 6 },

        // A typo in the new vocabulary's objects is a warning.
        { "COSGEN009", DocShape, DocShape + ", \"E\": { \"events\": { \"X\": { \"payloads\": \"bytes\" } } }", 14 },

        // xmlAlways: on an output, on an input with no XML body, and beside a required body member (which already sends the root).
        { "COSGEN010", Safety, Safety + " \"output\": { \"xmlName\": \"R\", \"xmlAlways\": true, \"members\": { \"A\": \"string\" } },", 6 },
        { "COSGEN010", "\"input\": { \"members\": {", "\"input\": { \"xmlAlways\": true, \"members\": {", 7 },
        { "COSGEN010", "\"input\": { \"members\": {", "\"input\": { \"xmlName\": \"R\", \"xmlAlways\": true, \"members\": { \"A\": { \"type\": \"string\", \"required\": true },", 7 },
    };

    /// <summary>Misuses that take two edits: usually the shapes (line 14), and the operation that uses them.</summary>
    public static TheoryData<string, string, string, string, string, int> TwoEditCases => new()
    {
        // A query member on a literal sub-resource's key.
        { "COSGEN007", "\"uri\": \"/{Key+}\"", "\"uri\": \"/{Key+}?acl\"", KeyLine, KeyLine + ", \"A\": { \"type\": \"string\", \"in\": \"query\", \"name\": \"acl\" }", 7 },

        // A shape with XML-only properties used as a JSON payload: reported at the shape member's line.
        {
            "COSGEN010",
            DocShape,
            DocShape.Replace("\"Text\": \"string\"", "\"Text\": { \"type\": \"string\", \"xmlAttribute\": true }"),
            Safety,
            Safety + " \"output\": { \"members\": { \"P\": { \"type\": \"Doc\", \"in\": \"payload\", \"format\": \"json\" } } },",
            14
        },

        // An event stream as an input payload.
        { "COSGEN005", DocShape, DocShape + ", \"E\": { \"events\": { \"End\": {} } }", KeyLine, KeyLine + ", \"Ev\": { \"type\": \"E\", \"in\": \"payload\" }", 9 },

        // An event stream anywhere but a payload.
        { "COSGEN005", DocShape, DocShape + ", \"E\": { \"events\": { \"End\": {} } }", Safety, Safety + " \"output\": { \"xmlName\": \"R\", \"members\": { \"Ev\": \"E\" } },", 6 },
    };

    [Fact]
    public void The_valid_spec_has_no_diagnostics_and_generates_code()
    {
        var (result, output, diagnostics) = GeneratorRunner.Run("t.api.json", Valid, "namespace T.Api; public sealed partial class TClient { internal global::Cos.Generated.Pipeline.CosPipeline Pipeline { get; } = null!; }");
        diagnostics.ShouldBeEmpty();
        result.GeneratedTrees.Length.ShouldBe(4); // the operation, the shape, error codes, the operation table
        output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_malformed_spec_reports_a_stable_id_at_the_line(string id, string find, string replace, int line)
    {
        Valid.ShouldContain(find);
        var (result, _, diagnostics) = GeneratorRunner.Run("t.api.json", Valid.Replace(find, replace));

        diagnostics.ShouldAllBe(d => d.Id == id, "no cascade of other diagnostics");
        var diagnostic = diagnostics.First();
        diagnostic.Location.GetLineSpan().Path.ShouldBe("t.api.json");
        (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1).ShouldBe(line, diagnostic.ToString());
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            result.GeneratedTrees.ShouldBeEmpty("a spec with errors generates nothing rather than half a client");
        }
        else
        {
            result.GeneratedTrees.ShouldNotBeEmpty("warnings do not stop generation");
        }
    }

    [Theory]
    [MemberData(nameof(TwoEditCases))]
    public void A_misuse_that_takes_two_edits_reports_at_the_line(string id, string find1, string replace1, string find2, string replace2, int line)
    {
        Valid.ShouldContain(find1);
        Valid.ShouldContain(find2);
        var (result, _, diagnostics) = GeneratorRunner.Run("t.api.json", Valid.Replace(find1, replace1).Replace(find2, replace2));

        diagnostics.ShouldAllBe(d => d.Id == id, string.Join("\n", diagnostics));
        (diagnostics.First().Location.GetLineSpan().StartLinePosition.Line + 1).ShouldBe(line, diagnostics.First().ToString());
        result.GeneratedTrees.ShouldBeEmpty();
    }

    [Fact]
    public void A_custom_operation_without_its_hand_written_hooks_does_not_compile()
    {
        var (_, output, diagnostics) = GeneratorRunner.Run("sample.api.json", GeneratorRunner.ReadSpec("sample.api.json"), CompileTests.SampleClientWithoutHooks);

        diagnostics.ShouldBeEmpty();
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        errors.Select(e => e.Id).Distinct().ShouldBe(["CS8795"], string.Join("\n", errors));
        errors.ShouldContain(e => e.GetMessage().Contains("GetInventoryMarshaller.CustomizeRequest"));
        errors.ShouldContain(e => e.GetMessage().Contains("GetInventoryMarshaller.CustomizeResponse"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"service\": ")]
    [InlineData("{\"service\": {}, \"operations\": {\"A\": []}}")]
    [InlineData("{\"service\": {\"name\": 1}, \"operations\": 2, \"shapes\": {\"S\": {\"enum\": []}}}")]
    [InlineData("{\"service\": {\"name\": \"a\", \"namespace\": \"1x\", \"client\": \"C\"}, \"operations\": {\"A\": {\"http\": {\"uri\": \"x/{K}/{L}\"}, \"safety\": \"readonly\", \"input\": {\"members\": {\"K\": {\"type\": \"list<list<string>>\"}}}}}}")]
    public void Garbage_never_crashes_the_generator(string spec)
    {
        var (result, _, diagnostics) = GeneratorRunner.Run("bad.api.json", spec);

        result.Results.Single().Exception.ShouldBeNull();
        diagnostics.ShouldContain(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("COSGEN", StringComparison.Ordinal));
        result.GeneratedTrees.ShouldBeEmpty();
    }

    [Fact]
    public void Files_that_are_not_api_specs_are_ignored()
    {
        var (result, _, diagnostics) = GeneratorRunner.Run("settings.json", "not json at all");
        diagnostics.ShouldBeEmpty();
        result.GeneratedTrees.ShouldBeEmpty();
    }

    /// <summary>
    /// A listing without a page-size parameter (COS's ListBucketInventory, paged by continuation token only) is paginated
    /// without <c>pageSize</c>: no diagnostic, and the page and item enumerators are generated and compile.
    /// </summary>
    [Fact]
    public void A_paginated_listing_needs_no_page_size()
    {
        const string listing = """
            "List": {
              "http": { "method": "GET", "uri": "/?inventory" },
              "safety": "readonly",
              "input": { "members": {
                "Bucket": { "type": "string", "in": "host", "required": true },
                "ContinuationToken": { "type": "string", "in": "query", "name": "continuation-token" }
              } },
              "output": { "xmlName": "ListResult", "members": {
                "Items": { "type": "list<Doc>", "name": "Item", "xmlFlattened": true },
                "IsTruncated": "boolean",
                "NextContinuationToken": "string"
              } },
              "paginated": { "inputToken": "ContinuationToken", "outputToken": "NextContinuationToken", "truncated": "IsTruncated", "items": "Items", "enumerator": "EnumerateDocs" }
            },
            "Get": {
            """;
        Valid.ShouldContain("\"Get\": {");
        var (result, output, diagnostics) = GeneratorRunner.Run(
            "t.api.json",
            Valid.Replace("\"Get\": {", listing),
            "namespace T.Api; public sealed partial class TClient { internal global::Cos.Generated.Pipeline.CosPipeline Pipeline { get; } = null!; }");

        diagnostics.ShouldBeEmpty();
        var list = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("T.List.g.cs", StringComparison.Ordinal)).ToString();
        list.ShouldContain("ListPagesAsync(ListRequest request");
        list.ShouldContain("EnumerateDocsAsync(ListRequest request");
        list.ShouldContain("ContinuationToken = response.NextContinuationToken,");
        output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
    }
}
