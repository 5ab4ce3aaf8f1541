using System.Linq;
using Cos.Generator.Model;

namespace Cos.Generator.Emit;

/// <summary>The error-code table: constants for callers, and the retryable set for the pipeline.</summary>
internal static class ErrorsEmitter
{
    public static string Emit(ServiceModel service)
    {
        var w = FileHeader.Start(service.Namespace);
        Docs.Summary(w, "The error codes COS documents (<see cref=\"global::Cos.Generated.CosException.ErrorCode\"/>).");
        using (w.Block($"public static partial class {service.Name}ErrorCodes"))
        {
            foreach (var error in service.Errors)
            {
                Docs.Summary(w, $"{(error.Doc is null ? string.Empty : Docs.Escape(error.Doc) + " ")}HTTP {string.Join(" or ", error.Statuses)}.");
                w.Line($"public const string {error.Name} = {TypeNames.Literal(error.Name)};");
                w.Line();
            }

            Docs.Summary(w, "True for codes that mean a temporary condition, worth retrying for any operation.");
            var retryable = service.Errors.Where(e => e.Retryable).Select(e => TypeNames.Literal(e.Name)).ToList();
            w.Line(retryable.Count == 0
                ? "public static bool IsRetryable(string? code) => false;"
                : $"public static bool IsRetryable(string? code) => code is {string.Join(" or ", retryable)};");
        }

        return w.ToString();
    }
}
