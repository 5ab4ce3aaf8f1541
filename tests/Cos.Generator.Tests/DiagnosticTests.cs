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
          }
        }
        """;

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

        // cam: the action written with its prefix, a resource member that is not a query member, a copy source that is
        // not a header, a batch key list that is not a list of structures with a Key, no action, an unknown property.
        { "COSGEN003", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"cam\": { \"action\": \"name/cos:GetObject\" },", 6 },
        { "COSGEN003", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"cam\": { \"action\": \"GetBucket\", \"resourceQuery\": \"Key\" },", 6 },
        { "COSGEN003", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"cam\": { \"action\": \"PutObject\", \"copySource\": \"Bucket\" },", 6 },
        { "COSGEN003", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"cam\": { \"action\": \"DeleteObject\", \"eachKeyOf\": \"Key\" },", 6 },
        { "COSGEN002", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"cam\": { },", 6 },
        { "COSGEN009", "\"safety\": \"readonly\",", "\"safety\": \"readonly\", \"cam\": { \"action\": \"GetObject\", \"resource\": \"Key\" },", 6 },
    };

    [Fact]
    public void The_valid_spec_has_no_diagnostics_and_generates_code()
    {
        var (result, output, diagnostics) = GeneratorRunner.Run("t.api.json", Valid, "namespace T.Api; public sealed partial class TClient { internal global::Cos.Generated.Pipeline.CosPipeline Pipeline { get; } = null!; }");
        diagnostics.ShouldBeEmpty();
        result.GeneratedTrees.Length.ShouldBe(3);
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
}
