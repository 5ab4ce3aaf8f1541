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

        context.RegisterSourceOutput(models, static (spc, model) =>
        {
            if (model is null)
            {
                return;
            }

            foreach (var (hint, source) in Emitter.Emit(model))
            {
                spc.AddSource(hint, SourceText.From(source, Encoding.UTF8));
            }
        });
    }
}
