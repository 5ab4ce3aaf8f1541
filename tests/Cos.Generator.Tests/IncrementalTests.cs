using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Shouldly;
using Xunit;

namespace Cos.Generator.Tests;

/// <summary>The generator does no work again for edits that do not change the spec's model.</summary>
public sealed class IncrementalTests
{
    private static readonly string Spec = GeneratorRunner.ReadSpec("sample.api.json");

    [Fact]
    public void An_unrelated_source_edit_leaves_every_step_cached()
    {
        var compilation = GeneratorRunner.CreateCompilation(CompileTests.SampleClient);
        var driver = GeneratorRunner.CreateDriver(new InMemoryText("sample.api.json", Spec)).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorRunner.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        StepReasons(result, CosApiGenerator.ParseStep).ShouldAllBe(r => r == IncrementalStepRunReason.Cached);
        StepReasons(result, CosApiGenerator.ModelStep).ShouldAllBe(r => r == IncrementalStepRunReason.Cached);
        result.GeneratedSources.Length.ShouldBe(30);
    }

    [Fact]
    public void A_spec_edit_that_keeps_the_model_reruns_the_parser_only()
    {
        var compilation = GeneratorRunner.CreateCompilation(CompileTests.SampleClient);
        var original = new InMemoryText("sample.api.json", Spec);
        var driver = GeneratorRunner.CreateDriver(original).RunGenerators(compilation);

        var reformatted = new InMemoryText("sample.api.json", "// a new comment\n" + Spec.Replace("  ", "    "));
        var result = driver.ReplaceAdditionalText(original, reformatted).RunGenerators(compilation).GetRunResult().Results.Single();

        // The parser ran on the new text and produced an equal model, so nothing downstream ran.
        StepReasons(result, CosApiGenerator.ParseStep).ShouldAllBe(r => r == IncrementalStepRunReason.Unchanged);
        StepReasons(result, CosApiGenerator.ModelStep).ShouldAllBe(r => r == IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void A_spec_edit_that_changes_the_model_regenerates()
    {
        var compilation = GeneratorRunner.CreateCompilation(CompileTests.SampleClient);
        var original = new InMemoryText("sample.api.json", Spec);
        var driver = GeneratorRunner.CreateDriver(original).RunGenerators(compilation);

        var changed = new InMemoryText("sample.api.json", Spec.Replace("\"doc\": \"Lists buckets.\"", "\"doc\": \"Lists all buckets.\""));
        var result = driver.ReplaceAdditionalText(original, changed).RunGenerators(compilation).GetRunResult().Results.Single();

        StepReasons(result, CosApiGenerator.ModelStep).ShouldAllBe(r => r == IncrementalStepRunReason.Modified);
        result.GeneratedSources.Single(s => s.HintName == "Sample.ListBuckets.g.cs").SourceText.ToString().ShouldContain("Lists all buckets.");
    }

    private static IEnumerable<IncrementalStepRunReason> StepReasons(GeneratorRunResult result, string step)
    {
        var steps = result.TrackedSteps[step];
        steps.ShouldNotBeEmpty();
        return steps.SelectMany(s => s.Outputs).Select(o => o.Reason);
    }
}
