using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cos.Generator.Diagnostics;

/// <summary>A diagnostic as plain values (Roslyn's <see cref="Diagnostic"/> is not equatable, see roslyn#68291).</summary>
internal sealed record DiagnosticInfo(string Id, string Message, string Path, TextSpan Span, LinePositionSpan LineSpan)
{
    public Diagnostic ToDiagnostic()
    {
        var descriptor = CosDiagnostics.Find(Id);
        return Diagnostic.Create(descriptor, Location.Create(Path, Span, LineSpan), Message);
    }
}
