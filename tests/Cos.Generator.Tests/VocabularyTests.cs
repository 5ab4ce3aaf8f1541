using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cos.Generator.Parsing;
using Shouldly;
using Xunit;

namespace Cos.Generator.Tests;

/// <summary>
/// The vocabulary has one definition: the parser's table (<see cref="SpecVocabulary"/>). The JSON Schema's
/// <c>properties</c> per definition and the README's property tables must name exactly its sets.
/// </summary>
public sealed partial class VocabularyTests
{
    private static readonly string Schema = GeneratorRunner.ReadSpec("cos.api.schema.json");
    private static readonly string Readme = GeneratorRunner.ReadSpec("README.md");

    [Fact]
    public void The_schema_names_exactly_the_parsers_properties() =>
        SchemaDrift(Schema).ShouldBeEmpty();

    [Fact]
    public void The_readme_tables_name_exactly_the_parsers_properties() =>
        ReadmeDrift(Readme).ShouldBeEmpty();

    [Fact]
    public void A_property_missing_from_the_schema_is_found()
    {
        var schema = JsonNode.Parse(Schema)!;
        schema["$defs"]!["operation"]!["properties"]!.AsObject().Remove("custom");

        SchemaDrift(schema.ToJsonString()).ShouldBe(["operation: the parser knows 'custom', the schema does not"]);
    }

    [Fact]
    public void A_property_only_the_schema_has_is_found()
    {
        var schema = JsonNode.Parse(Schema)!;
        schema["$defs"]!["memberObject"]!["properties"]!.AsObject().Add("xmlOrder", new JsonObject());

        SchemaDrift(schema.ToJsonString()).ShouldBe(["memberObject: the schema has 'xmlOrder', the parser does not"]);
    }

    [Fact]
    public void A_property_missing_from_the_readme_is_found()
    {
        var readme = Readme.Replace("| `xmlNamespace` |", "| namespace |");

        ReadmeDrift(readme).ShouldBe(["memberObject: the parser knows 'xmlNamespace', the README does not"]);
    }

    [Fact]
    public void A_context_without_a_readme_table_is_found()
    {
        var readme = Readme.Replace("<!-- vocabulary: event -->", string.Empty);

        ReadmeDrift(readme).ShouldBe(["event: no table in the README"]);
    }

    private static List<string> SchemaDrift(string schemaText)
    {
        var schema = JsonNode.Parse(schemaText)!;
        var problems = new List<string>();
        foreach (var (context, known) in SpecVocabulary.All)
        {
            var definition = context == "spec" ? schema : schema["$defs"]?[context];
            if (definition?["properties"] is not JsonObject properties)
            {
                problems.Add($"{context}: no definition with properties in the schema");
                continue;
            }

            Compare(context, known, properties.Select(p => p.Key), "the schema", problems);
        }

        return problems;
    }

    private static List<string> ReadmeDrift(string readme)
    {
        var tables = ReadmeTables(readme);
        var problems = new List<string>();
        foreach (var (context, known) in SpecVocabulary.All)
        {
            if (!tables.TryGetValue(context, out var documented))
            {
                problems.Add($"{context}: no table in the README");
                continue;
            }

            Compare(context, known, documented, "the README", problems);
        }

        problems.AddRange(tables.Keys.Where(k => SpecVocabulary.All.All(c => c.Context != k)).Select(k => $"{k}: a README table for a context the parser does not have"));
        return problems;
    }

    /// <summary>The names in the first column of each table that follows a <c>&lt;!-- vocabulary: context --&gt;</c> line.</summary>
    private static Dictionary<string, List<string>> ReadmeTables(string readme)
    {
        var tables = new Dictionary<string, List<string>>();
        var lines = readme.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var marker = Marker().Match(lines[i]);
            if (!marker.Success)
            {
                continue;
            }

            var names = new List<string>();
            // The header and separator rows come first; then one row per property, until the table ends.
            foreach (var row in lines.Skip(i + 3).TakeWhile(l => l.StartsWith('|')))
            {
                var firstCell = row.Split('|')[1];
                names.AddRange(Code().Matches(firstCell).Select(m => m.Groups[1].Value));
            }

            tables[marker.Groups[1].Value] = names;
        }

        return tables;
    }

    private static void Compare(string context, string[] known, IEnumerable<string> found, string where, List<string> problems)
    {
        var set = found.ToHashSet();
        problems.AddRange(known.Where(k => !set.Contains(k)).Select(k => $"{context}: the parser knows '{k}', {where} does not"));
        problems.AddRange(set.Where(f => !known.Contains(f)).Select(f => $"{context}: {where} has '{f}', the parser does not"));
    }

    [GeneratedRegex(@"^<!-- vocabulary: (\w+) -->$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Code();
}
