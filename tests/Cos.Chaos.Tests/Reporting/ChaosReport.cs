using System.Globalization;
using System.Text;
using Cos.Chaos.Tests.Plans;
using Cos.Chaos.Tests.Running;

namespace Cos.Chaos.Tests.Reporting;

/// <summary>The figures of a run set (runs, faults fired, bytes corrupted, orphans, hangs, failures by type), as text and as Markdown.</summary>
internal sealed class ChaosReport(IReadOnlyList<RunOutcome> runs, ChaosSettings settings, TimeSpan duration)
{
    public IReadOnlyList<RunOutcome> Runs => runs;

    public IReadOnlyList<RunOutcome> Violating => [.. runs.Where(r => !r.KeptInvariants)];

    public int Count(ViolationKind kind) => runs.Count(r => r.Violations.Any(v => v.Kind == kind));

    /// <summary>The headline figures, one per line.</summary>
    public string Summary
    {
        get
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{settings.Mode} mode: {runs.Count} runs in {duration.TotalSeconds:0} s (watchdog {settings.Watchdog.TotalSeconds:0} s)\n");
            text.Append(CultureInfo.InvariantCulture, $"  succeeded {runs.Count(r => r.Result == RunResult.Succeeded)}, failed {runs.Count(r => r.Result == RunResult.Failed)}, hangs {Count(ViolationKind.Hang)}; the slowest call that returned took {SlowestReturn.TotalSeconds:0.0} s\n");
            text.Append(CultureInfo.InvariantCulture, $"  faults fired {runs.Sum(r => r.FaultsFired)}, bytes corrupted {runs.Sum(r => r.BytesCorrupted)} (in {Count(ViolationKind.Corruption)} runs), orphan uploads {runs.Sum(r => r.Orphans)} (in {Count(ViolationKind.Orphan)} runs)\n");
            text.Append(CultureInfo.InvariantCulture, $"  unclear failures {Count(ViolationKind.UnclearFailure)}, partial files {Count(ViolationKind.PartialFile)}, not resumed {Count(ViolationKind.NotResumed)}\n");
            text.Append("  failures by exception type: ").Append(string.Join(", ", FailuresByType().Select(f => $"{f.Name} {f.Count}"))).Append('\n');
            text.Append(CultureInfo.InvariantCulture, $"  runs that broke an invariant: {Violating.Count} (seeds {string.Join(", ", Violating.Select(r => r.Plan.Seed))})\n");
            text.Append("  again: ").Append(settings.Command);
            return text.ToString();
        }
    }

    /// <summary>The summary and every run that broke an invariant, with its plan and replay command.</summary>
    public string Details => Summary + string.Concat(Violating.Select(r => "\n\n" + r.Describe()));

    /// <summary>The tables of docs/reliability.md.</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"### {ModeTitle} mode: {runs.Count} runs, seeds {runs.Min(r => r.Plan.Seed)}–{runs.Max(r => r.Plan.Seed)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"`{settings.Command}` — {duration.TotalSeconds:0} s, watchdog {settings.Watchdog.TotalSeconds:0} s, slowest call that returned {SlowestReturn.TotalSeconds:0.0} s, {DateTime.UtcNow:yyyy-MM-dd}.\n\n");
        md.Append("| runs | succeeded | failed clearly | hangs | unclear failures | faults fired | bytes corrupted | orphan uploads | partial files | not resumed |\n");
        md.Append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        md.Append(CultureInfo.InvariantCulture, $"| {runs.Count} | {runs.Count(r => r.Result == RunResult.Succeeded)} | {runs.Count(r => r.Result == RunResult.Failed && r.Violations.All(v => v.Kind != ViolationKind.UnclearFailure))} | {Count(ViolationKind.Hang)} | {Count(ViolationKind.UnclearFailure)} | {runs.Sum(r => r.FaultsFired)} | {runs.Sum(r => r.BytesCorrupted)} | {runs.Sum(r => r.Orphans)} | {Count(ViolationKind.PartialFile)} | {Count(ViolationKind.NotResumed)} |\n\n");

        md.Append("| scenario | runs | succeeded | failed | hangs | broke an invariant |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var group in runs.GroupBy(r => r.Plan.Scenario).OrderBy(g => g.Key))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} | {group.Count(r => r.Result == RunResult.Succeeded)} | {group.Count(r => r.Result == RunResult.Failed)} | {group.Count(r => r.Result == RunResult.Hang)} | {group.Count(r => !r.KeptInvariants)} |\n");
        }

        md.Append("\n| fault kind | drawn | fired | in runs that broke an invariant |\n|---|---:|---:|---:|\n");
        foreach (var kind in Enum.GetValues<FaultKind>())
        {
            var drawn = runs.SelectMany(r => r.Faults.Where(f => f.Fault.Kind == kind).Select(f => (Run: r, f.Fired))).ToList();
            if (drawn.Count > 0)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {kind} | {drawn.Count} | {drawn.Sum(d => d.Fired)} | {drawn.Where(d => d.Fired > 0 && !d.Run.KeptInvariants).Select(d => d.Run).Distinct().Count()} |\n");
            }
        }

        md.Append("\n| failure (exception type) | runs |\n|---|---:|\n");
        foreach (var (name, count) in FailuresByType())
        {
            md.Append(CultureInfo.InvariantCulture, $"| {name} | {count} |\n");
        }

        if (Violating.Count > 0)
        {
            md.Append("\n| seed | scenario | size | broke | result | faults fired |\n|---:|---|---:|---|---|---|\n");
            foreach (var run in Violating)
            {
                var faults = string.Join("; ", run.Faults.Where(f => f.Fired > 0).Select(f => $"{f.Fault} ×{f.Fired}"));
                md.Append(CultureInfo.InvariantCulture, $"| {run.Plan.Seed} | {run.Plan.Scenario} | {run.Plan.Size} | {string.Join(", ", run.Violations.Select(v => v.Kind).Distinct())} | {run.Result}{(run.Failure is null ? string.Empty : $" ({run.Failure})")} | {faults.Replace("|", "/", StringComparison.Ordinal)} |\n");
            }
        }

        return md.ToString();
    }

    private string ModeTitle => settings.Mode switch { "ci" => "CI", "long" => "Long", _ => "Replay" };

    /// <summary>The longest a call took to succeed or fail: the bound a correct client keeps (hangs excluded).</summary>
    private TimeSpan SlowestReturn => runs.Where(r => r.Result != RunResult.Hang).Select(r => r.Elapsed).DefaultIfEmpty().Max();

    /// <summary>How the calls that returned failed (a hang's cancellation is counted as a hang, not here).</summary>
    private IEnumerable<(string Name, int Count)> FailuresByType() =>
        runs.Where(r => r.Result == RunResult.Failed).GroupBy(r => r.Failure!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()));
}
