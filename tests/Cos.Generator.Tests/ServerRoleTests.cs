using Microsoft.CodeAnalysis;
using Shouldly;
using Xunit;

namespace Cos.Generator.Tests;

/// <summary>
/// The server role (<c>CosGeneratorRole=server</c>), which the emulator builds on: wire classes over the client's own
/// request and response types, and a handler class that does not compile until every operation of the spec has a handler.
/// </summary>
public sealed class ServerRoleTests
{
    /// <summary>What the server's namespace provides to the generated code: the wire request and response and a context.</summary>
    private const string ServerSide = """
        namespace Sample.Server;
        internal sealed class OperationContext { }
        internal sealed class WireRequest
        {
            public string? Bucket => "b-1250000000";
            public string Key => "k";
            public bool HasBody => false;
            public global::System.IO.Stream Body => global::System.IO.Stream.Null;
            public global::System.ReadOnlySpan<byte> BufferedBody => default;
            public string? Query(string name) => null;
            public string? Header(string name) => null;
            public global::System.Collections.Generic.IReadOnlyDictionary<string, string> PrefixHeaders(string prefix) => new global::System.Collections.Generic.Dictionary<string, string>();
            public global::System.Exception Missing(string what) => new global::System.ArgumentException(what);
            public global::System.Threading.Tasks.Task BufferBodyAsync() => global::System.Threading.Tasks.Task.CompletedTask;
            public global::System.Xml.XmlReader OpenXml(string root) => throw new global::System.NotSupportedException();
        }
        internal static class ConfigurationDocuments
        {
            public static string? Get(OperationContext context, string name) => null;
            public static void Put(OperationContext context, string name, string document) { }
            public static void Delete(OperationContext context, string name) { }
            public static global::System.Exception NotConfigured(string code, int status, string message) => new global::System.InvalidOperationException(code);
        }
        internal sealed class WireResponse
        {
            public int Status { get; set; }
            public global::System.IO.Stream? Body { get; set; }
            public global::System.Func<global::System.IO.Stream, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task>? Events { get; set; }
            public void Header(string name, string value) { }
            public void WriteXml(string root, global::System.Action<global::System.Xml.XmlWriter> members) { }
        }
        """;

    [Fact]
    public void A_server_with_a_handler_for_every_operation_compiles()
    {
        var (result, output, diagnostics) = Run(Handlers(skip: null));

        diagnostics.ShouldBeEmpty();
        result.GeneratedTrees.ShouldContain(t => t.FilePath.EndsWith("Sample.OperationHandlers.Server.g.cs", StringComparison.Ordinal));
        result.GeneratedTrees.ShouldNotContain(t => t.FilePath.EndsWith("Sample.Operations.g.cs", StringComparison.Ordinal), "the server half has no client table or methods of its own");
        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void A_server_without_a_handler_for_an_operation_does_not_compile()
    {
        var (_, output, _) = Run(Handlers(skip: "PutObject"));

        // CS8795: a partial method with a return type must have an implementation.
        output.GetDiagnostics().ShouldContain(d => d.Id == "CS8795" && d.GetMessage().Contains("PutObjectAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void An_event_stream_response_is_framed_by_generated_writers_rather_than_refused()
    {
        var (result, output, diagnostics) = Run(Handlers(skip: null));

        diagnostics.ShouldBeEmpty();
        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ShouldBeEmpty();
        string Source(string name) => result.GeneratedTrees.Single(t => t.FilePath.EndsWith(name, StringComparison.Ordinal)).ToString();

        // The response hands its events to the server's callback, which the generated writer fills once the headers are out.
        var wire = Source("Sample.Select.Server.g.cs");
        wire.ShouldNotContain("NotSupportedException");
        wire.ShouldContain("wire.Events = (output, cancellationToken) => SelectEventWriter.WriteAsync(response.Events, output, cancellationToken);");

        // Each event of the spec is encoded as the client's decoder reads it: bytes raw, a shape as its XML root, End empty.
        var writer = Source("Sample.Events.SelectEvent.Server.g.cs");
        writer.ShouldContain("case SelectEvent.Records message:");
        writer.ShouldContain("WriteEventAsync(output, \"Records\", \"application/octet-stream\", message.Payload");
        writer.ShouldContain("WriteEventAsync(output, \"Stats\", \"text/xml\", SelectStatsDocument(message.Payload, \"Stats\")");
        writer.ShouldContain("WriteEventAsync(output, \"Progress\", \"text/xml\", SelectStatsDocument(message.Payload, \"Progress\")");
        writer.ShouldContain("WriteEventAsync(output, \"End\", null, default");

        // One framing per service, with both CRC-32s.
        var frames = Source("Sample.EventFrames.Server.g.cs");
        frames.ShouldContain("internal static class SampleEventFrames");
        frames.Split("Crc32.HashToUInt32").Length.ShouldBe(3);
    }

    private static (GeneratorDriverRunResult Result, Compilation Output, System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics) Run(string handlers)
    {
        // The client's types come from the client half, compiled first, as the runtime assembly provides them to the emulator.
        var (client, clientOutput, clientDiagnostics) = GeneratorRunner.Run("sample.api.json", GeneratorRunner.ReadSpec("sample.api.json"), CompileTests.SampleClient);
        clientDiagnostics.ShouldBeEmpty();
        var clientTrees = client.GeneratedTrees.Select(t => t.ToString()).Append(CompileTests.SampleClient);
        return GeneratorRunner.Run(GeneratorRunner.ServerRole("Sample.Server"), "sample.api.json", GeneratorRunner.ReadSpec("sample.api.json"), [.. clientTrees, ServerSide, handlers]);
    }

    private static string Handlers(string? skip)
    {
        // PutPolicy and GetPolicy are a configuration group (GetPolicy's notConfigured): their handlers are generated.
        var operations = new[] { "ListBuckets", "PutObject", "GetObject", "GetLocation", "PutAcl", "GetAcl", "Select", "GetInventory", "ListUploads", "DeleteObjects" };
        var methods = operations.Where(o => o != skip).Select(o =>
            $"private partial global::System.Threading.Tasks.Task<global::Sample.Storage.{o}Response> {o}Async(global::Sample.Storage.{o}Request request, OperationContext context) => global::System.Threading.Tasks.Task.FromResult(new global::Sample.Storage.{o}Response());");
        return $"namespace Sample.Server; internal sealed partial class SampleOperationHandlers {{ {string.Join(" ", methods)} }}";
    }
}
