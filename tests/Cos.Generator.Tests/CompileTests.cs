using Microsoft.CodeAnalysis;
using Shouldly;
using Xunit;

namespace Cos.Generator.Tests;

/// <summary>The generated code compiles, warning-free, against the real runtime.</summary>
public sealed class CompileTests
{
    internal const string SampleClient = """
        namespace Sample.Storage;
        public sealed partial class SampleClient
        {
            internal global::Cos.Generated.Pipeline.CosPipeline Pipeline { get; } = null!;
        }
        """;

    [Fact]
    public void Sample_spec_compiles_without_warnings()
    {
        var (result, output, diagnostics) = GeneratorRunner.Run("sample.api.json", GeneratorRunner.ReadSpec("sample.api.json"), SampleClient);

        diagnostics.ShouldBeEmpty();
        result.GeneratedTrees.Length.ShouldBe(5 + 4 + 1 + 1 + 1); // operations, shapes, an enum, error codes, the operation table
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        problems.ShouldBeEmpty();
    }
}
