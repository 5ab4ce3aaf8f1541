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
        // operations + structures + enums + event streams + error codes + the operation table
        result.GeneratedTrees.Length.ShouldBe(12 + 11 + 4 + 1 + 1 + 1);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        problems.ShouldBeEmpty();
    }

    /// <summary>
    /// The SDK's own spec under a consumer's names compiles against the runtime package: neither the generated code
    /// nor the hand-written runtime it calls depends on the service being called Cos, its client CosClient or its
    /// namespace Cos.Generated. A retryable error of that spec reaches the retry decision through its own table.
    /// </summary>
    [Fact]
    public void The_COS_spec_under_a_consumers_names_compiles_and_keeps_its_own_retry_rule()
    {
        var spec = GeneratorRunner.ReadSpec("cos.api.json")
            .Replace("\"service\": { \"name\": \"Cos\", \"namespace\": \"Cos.Generated\", \"client\": \"CosClient\" }", "\"service\": { \"name\": \"Acme\", \"namespace\": \"Acme.Storage\", \"client\": \"AcmeClient\" }", StringComparison.Ordinal)
            .Replace("\"SlowDown\": {", "\"AcmeBusy\": { \"status\": 503, \"retryable\": true }, \"SlowDown\": {", StringComparison.Ordinal);
        spec.ShouldContain("\"AcmeClient\"");
        spec.ShouldContain("\"AcmeBusy\"");

        var (result, output, diagnostics) = GeneratorRunner.Run("acme.api.json", spec, "namespace Acme.Storage; public sealed partial class AcmeClient { internal global::Cos.Generated.Pipeline.CosPipeline Pipeline { get; } = null!; }");

        diagnostics.ShouldBeEmpty();
        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ShouldBeEmpty();
        var marshaller = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Acme.PutObject.g.cs", StringComparison.Ordinal)).ToString();
        marshaller.ShouldContain("new global::Cos.Generated.Protocol.CosHttpRequest(global::Acme.Storage.AcmeOperations.PutObject)");
        marshaller.ShouldContain("IsRetryableErrorCode = global::Acme.Storage.AcmeErrorCodes.IsRetryable");
        result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Acme.ErrorCodes.g.cs", StringComparison.Ordinal)).ToString().ShouldContain("or \"AcmeBusy\" or \"SlowDown\";");
    }
}
