using System.Collections;
using System.Reflection;
using Cos.Generator.Model;
using Cos.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Shouldly;
using Xunit;

namespace Cos.Generator.Tests;

/// <summary>The model is plain, comparable data: the property that makes the incremental cache work.</summary>
public sealed class ModelTests
{
    [Fact]
    public void Parsing_the_same_text_twice_gives_equal_models()
    {
        var spec = GeneratorRunner.ReadSpec("cos.api.json");
        var first = SpecParser.Parse("cos.api.json", SourceText.From(spec)).Model;
        var second = SpecParser.Parse("cos.api.json", SourceText.From(spec)).Model;

        first.ShouldNotBeNull();
        second.ShouldBe(first);
        second!.GetHashCode().ShouldBe(first.GetHashCode());
        first.Operations.Length.ShouldBe(71);
    }

    [Fact]
    public void The_model_holds_no_Roslyn_objects()
    {
        var model = SpecParser.Parse("cos.api.json", SourceText.From(GeneratorRunner.ReadSpec("cos.api.json"))).Model!;
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(model, seen);
        seen.Count.ShouldBeGreaterThan(100);
    }

    [Theory]
    [InlineData("STANDARD_IA", "StandardIa")]
    [InlineData("public-read", "PublicRead")]
    [InlineData("bucket-owner-full-control", "BucketOwnerFullControl")]
    [InlineData("cos/kms", "CosKms")]
    [InlineData("Copy", "Copy")]
    public void Enum_member_names_are_derived_from_wire_values(string value, string name) =>
        SpecParser.ToPascalCase(value).ShouldBe(name);

    private static void Walk(object? value, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        (value is ISymbol or Compilation or SyntaxNode or SyntaxTree).ShouldBeFalse($"{value.GetType()} found in the model");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                Walk(item, seen);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                Walk(property.GetValue(value), seen);
            }
        }
    }
}
