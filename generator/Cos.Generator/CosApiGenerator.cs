using System;
using Cos.Generator.Emit;
using Cos.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using System.Text;

namespace Cos.Generator;

/// <summary>
/// Reads every <c>*.api.json</c> additional file and emits the typed COS client surface it describes.
/// Pipeline: text → parse (model + diagnostics, both value-equatable) → emit. Diagnostics are reported
/// from their own output so that a model that did not change is never emitted again.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CosApiGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the parse step, for incremental tests.</summary>
    public const string ParseStep = "Parse";

    /// <summary>Tracking name of the step that keeps only the model, for incremental tests.</summary>
    public const string ModelStep = "Model";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".api.json", StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) =>
            {
                var text = file.GetText(cancellationToken) ?? SourceText.From(string.Empty);
                return SpecParser.Parse(file.Path, text);
            })
            .WithTrackingName(ParseStep);

        context.RegisterSourceOutput(parsed.Select(static (result, _) => result.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        var models = parsed
            .Select(static (result, _) => result.Model)
            .WithTrackingName(ModelStep);

        // The role: the client (default), or the server half a COS emulator builds on (CosGeneratorRole=server, its
        // code in CosServerNamespace or the project's root namespace).
        var role = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
        {
            options.GlobalOptions.TryGetValue("build_property.CosGeneratorRole", out var name);
            options.GlobalOptions.TryGetValue("build_property.CosServerNamespace", out var ns);
            options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var root);
            return string.Equals(name, "server", StringComparison.OrdinalIgnoreCase)
                ? (string.IsNullOrEmpty(ns) ? (string.IsNullOrEmpty(root) ? "Server" : root!) : ns!)
                : null;
        });

        context.RegisterSourceOutput(models.Combine(role), static (spc, input) =>
        {
            var (model, serverNamespace) = input;
            if (model is null)
            {
                return;
            }

            var sources = serverNamespace is null ? Emitter.Emit(model) : ServerEmitter.Emit(model, serverNamespace);
            foreach (var (hint, source) in sources)
            {
                spc.AddSource(hint, SourceText.From(source, Encoding.UTF8));
            }
        });
    }
}
