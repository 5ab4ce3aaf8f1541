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
        [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(global::Cos.Generated.CosRequest).Assembly.Location)],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(params AdditionalText[] specs) => CSharpGeneratorDriver.Create(
        [new CosApiGenerator().AsSourceGenerator()],
        specs,
        ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(string specPath, string specText, params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver(new InMemoryText(specPath, specText)).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver.GetRunResult(), output, diagnostics);
    }

    public static string ReadSpec(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", name));
}

internal sealed class InMemoryText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
