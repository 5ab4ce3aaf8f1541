using Microsoft.CodeAnalysis;
using Shouldly;
using Xunit;

namespace Cos.Generator.Tests;

/// <summary>The generated code compiles, warning-free, against the real runtime.</summary>
public sealed class CompileTests
{
    /// <summary>The hand-written half of the sample client, without the hooks of its "custom" operation.</summary>
    internal const string SampleClientWithoutHooks = """
        namespace Sample.Storage;
        public sealed partial class SampleClient
        {
            internal global::Cos.Generated.Pipeline.CosPipeline Pipeline { get; } = null!;
        }
        """;

    internal const string SampleClient = SampleClientWithoutHooks + """

        // The hand-written half of the "custom" operation.
        internal static partial class GetInventoryMarshaller
        {
            private static partial void CustomizeRequest(GetInventoryRequest request, global::Cos.Generated.Protocol.CosHttpRequest http) => http.AddHeader("x-sample", "1");

            private static partial GetInventoryResponse CustomizeResponse(global::Cos.Generated.Protocol.CosResponseContext response, GetInventoryResponse result) => result;
        }
        """;

    [Fact]
    public void Sample_spec_compiles_without_warnings()
    {
        var (result, output, diagnostics) = GeneratorRunner.Run("sample.api.json", GeneratorRunner.ReadSpec("sample.api.json"), SampleClient);

        diagnostics.ShouldBeEmpty();
        // operations + structures + enums + event streams + error codes
        result.GeneratedTrees.Length.ShouldBe(12 + 11 + 4 + 1 + 1);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        problems.ShouldBeEmpty();
    }
}
