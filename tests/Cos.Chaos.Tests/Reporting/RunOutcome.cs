using System.Globalization;
using System.Text;
using Cos.Chaos.Tests.Plans;
using Cos.Chaos.Tests.Running;

namespace Cos.Chaos.Tests.Reporting;

/// <summary>How a call under faults ended.</summary>
internal enum RunResult
{
    Succeeded,
    Failed,
    Hang,
}

/// <summary>What one run did and found: the result, the faults that fired, and every invariant it broke.</summary>
internal sealed record RunOutcome
{
    public required ChaosPlan Plan { get; init; }

    public required RunResult Result { get; init; }

    /// <summary>The exception's name (<see cref="FailureClassifier.Name"/>) when the call failed.</summary>
    public string? Failure { get; init; }

    public string? FailureMessage { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>How many times each drawn fault fired.</summary>
    public required IReadOnlyList<(FaultSpec Fault, int Fired)> Faults { get; init; }

    public required long BytesCorrupted { get; init; }

    public required int Orphans { get; init; }

    public required IReadOnlyList<(ViolationKind Kind, string What)> Violations { get; init; }

    public int FaultsFired => Faults.Sum(f => f.Fired);

    public bool KeptInvariants => Violations.Count == 0;

    /// <summary>One line per run, for the test output.</summary>
    public string Line => string.Create(
        CultureInfo.InvariantCulture,
        $"seed {Plan.Seed,5} {Plan.Scenario,-13} {Plan.Size,9} B  {Result,-9} {Elapsed.TotalSeconds,6:0.0} s  fired {FaultsFired,2}  {Failure}{(KeptInvariants ? string.Empty : "  VIOLATED: " + string.Join("; ", Violations.Select(v => v.Kind)))}");

    /// <summary>Everything needed to read a failing run and replay it.</summary>
    public string Describe()
    {
        var text = new StringBuilder(Plan.Headline);
        text.Append("\n  client: ").Append(Plan.Client);
        foreach (var (fault, fired) in Faults)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  fault: {fault} -> fired {fired}x");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n  result: {Result} after {Elapsed.TotalSeconds:0.0} s{(Failure is null ? string.Empty : $": {Failure}: {FirstLine(FailureMessage)}")}");
        foreach (var (kind, what) in Violations)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  VIOLATED {kind}: {what}");
        }

        return text.Append(CultureInfo.InvariantCulture, $"\n  replay: COS_CHAOS_SEED={Plan.Seed} dotnet test tests/Cos.Chaos.Tests").ToString();
    }

    private static string FirstLine(string? message) => message is null ? string.Empty : message.Split('\n')[0].Trim();
}
