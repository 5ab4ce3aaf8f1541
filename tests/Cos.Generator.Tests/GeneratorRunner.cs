using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Cos.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Cos.Generator.Tests;

/// <summary>Runs the generator the way the compiler does, on in-memory spec files.</summary>
internal static class GeneratorRunner
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation CreateCompilation(params string[] sources) => CSharpCompilation.Create(
        "GeneratorTest",
        sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
        // The runtime and its System.IO.Hashing (the CRCs), as a project that references the runtime gets both.
        [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(global::Cos.Generated.CosRequest).Assembly.Location), MetadataReference.CreateFromFile(typeof(global::System.IO.Hashing.Crc32).Assembly.Location)],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(params AdditionalText[] specs) => CreateDriver(null, specs);

    /// <summary>A driver whose MSBuild properties are <paramref name="buildProperties"/> (<c>CosGeneratorRole</c>, ...).</summary>
    public static GeneratorDriver CreateDriver(IReadOnlyDictionary<string, string>? buildProperties, params AdditionalText[] specs) => CSharpGeneratorDriver.Create(
        [new CosApiGenerator().AsSourceGenerator()],
        specs,
        ParseOptions,
        new BuildProperties(buildProperties ?? new Dictionary<string, string>()),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(string specPath, string specText, params string[] sources) =>
        Run(null, specPath, specText, sources);

    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(IReadOnlyDictionary<string, string>? buildProperties, string specPath, string specText, params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver(buildProperties, new InMemoryText(specPath, specText)).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>The server role, its code in <paramref name="ns"/>.</summary>
    public static IReadOnlyDictionary<string, string> ServerRole(string ns) => new Dictionary<string, string>
    {
        ["CosGeneratorRole"] = "server",
        ["CosServerNamespace"] = ns,
    };

    public static string ReadSpec(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", name));
}

/// <summary>MSBuild properties as the compiler passes them to generators (<c>build_property.Name</c>).</summary>
internal sealed class BuildProperties(IReadOnlyDictionary<string, string> properties) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
{
    private readonly Options _global = new(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions => _global;

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(Dictionary<string, string> values) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
    {
        public static readonly Options Empty = new([]);

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}

internal sealed class InMemoryText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
