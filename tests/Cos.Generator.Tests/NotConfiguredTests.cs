using Shouldly;
using Xunit;

namespace Cos.Generator.Tests;

/// <summary>
/// <c>"notConfigured"</c>: a GET of one bare sub-resource names the error for an absent configuration, and with the PUT
/// (and DELETE) of the same sub-resource forms a group a server serves generically. Each misuse is COSGEN003 at the value.
/// </summary>
public sealed class NotConfiguredTests
{
    private const string Spec = """
        {
          "service": { "name": "T", "namespace": "T.Api", "client": "TClient" },
          "operations": {
            "PutTags": {
              "http": { "method": "PUT", "uri": "/?tagging" },
              "safety": "idempotent",
              "input": { "xmlName": "Tagging", "members": {
                "Bucket": { "type": "string", "in": "host", "required": true },
                "TagSet": { "type": "list<Tag>", "xmlItemName": "Tag", "required": true }
              } }
            },
            "GetTags": {
              "http": { "method": "GET", "uri": "/?tagging" },
              "safety": "readonly",
              "notConfigured": "NoSuchTagSet",
              "input": { "members": { "Bucket": { "type": "string", "in": "host", "required": true } } },
              "output": { "xmlName": "Tagging", "members": { "TagSet": { "type": "list<Tag>", "xmlItemName": "Tag" } } },
              "errors": ["NoSuchTagSet"]
            }
          },
          "shapes": { "Tag": { "members": { "Key": { "type": "string", "required": true }, "Value": { "type": "string", "required": true } } } },
          "errors": { "NoSuchTagSet": { "status": 404 } }
        }
        """;

    private const int NotConfiguredLine = 15;

    [Fact]
    public void A_GET_and_the_PUT_of_its_document_form_a_group_the_server_role_serves_generically()
    {
        var (result, _, diagnostics) = GeneratorRunner.Run(GeneratorRunner.ServerRole("T.Server"), "t.api.json", Spec);

        diagnostics.ShouldBeEmpty();
        var handlers = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("T.OperationHandlers.Server.g.cs", StringComparison.Ordinal)).ToString();
        handlers.ShouldContain("ConfigurationDocuments.Put(context, \"tagging\", PutTagsWire.Document(request));");
        handlers.ShouldContain("ConfigurationDocuments.Get(context, \"tagging\") ?? throw ConfigurationDocuments.NotConfigured(\"NoSuchTagSet\", 404,");
    }

    [Theory]
    [InlineData("\"notConfigured\": \"NoSuchTagSet\"", "\"notConfigured\": \"NoSuchThing\"")]
    [InlineData("\"notConfigured\": \"NoSuchTagSet\"", "\"notConfigured\": 404")]
    [InlineData("\"uri\": \"/?tagging\" },\n      \"safety\": \"readonly\"", "\"uri\": \"/?tagging&x=1\" },\n      \"safety\": \"readonly\"")]
    [InlineData("\"method\": \"PUT\", \"uri\": \"/?tagging\"", "\"method\": \"PUT\", \"uri\": \"/?tags\"")]
    [InlineData("\"TagSet\": { \"type\": \"list<Tag>\", \"xmlItemName\": \"Tag\" }", "\"TagSet\": { \"type\": \"list<Tag>\", \"xmlItemName\": \"T\" }")]
    [InlineData("\"output\": { \"xmlName\": \"Tagging\"", "\"output\": { \"xmlName\": \"Tags\"")]
    public void A_misused_notConfigured_is_COSGEN003_at_its_value(string find, string replace)
    {
        var spec = Spec.Replace("\r\n", "\n", StringComparison.Ordinal);
        spec.ShouldContain(find);
        var (_, _, diagnostics) = GeneratorRunner.Run("t.api.json", spec.Replace(find, replace, StringComparison.Ordinal));

        var diagnostic = diagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("COSGEN003");
        (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1).ShouldBe(NotConfiguredLine, diagnostic.ToString());
    }
}
