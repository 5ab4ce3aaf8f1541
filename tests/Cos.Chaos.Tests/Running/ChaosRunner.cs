using System.Diagnostics;
using Cos.Chaos.Tests.Plans;
using Cos.Chaos.Tests.Reporting;
using Cos.Chaos.Tests.Scenarios;
using Cos.Emulator.Faults;

namespace Cos.Chaos.Tests.Running;

/// <summary>
/// Runs one plan: a fresh emulator, the setup, the faults armed, the call raced against the watchdog, the faults
/// cleared, the invariants checked. A call still running when the watchdog fires is a HANG: it is canceled, given a
/// few seconds to return, and otherwise abandoned (its emulator is stopped under it), so the test process never hangs.
/// </summary>
internal sealed class ChaosRunner(TimeSpan watchdog)
{
    /// <summary>How long a call canceled by the watchdog may take to return before it is abandoned.</summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(10);

    public async Task<RunOutcome> RunAsync(ChaosPlan plan)
    {
        await using var context = await ChaosContext.StartAsync(plan);
        var scenario = IChaosScenario.For(plan.Scenario);
        try
        {
            await scenario.PrepareAsync(context).WaitAsync(watchdog);
        }
        catch (Exception ex)
        {
            // Without faults nothing should fail; a long run records it and goes on to the next seed.
            context.Violation(ViolationKind.UnclearFailure, $"the setup, before any fault was armed, failed: {ex.GetType().FullName}: {ex.Message}");
            return Outcome(plan, context, RunResult.Failed, ex, TimeSpan.Zero, []);
        }

        var rules = plan.Faults.Where(f => f.Kind != FaultKind.Kill).Select(f => (Fault: f, Rule: context.Emulator.Faults.Add(f.ToRule()))).ToList();

        using var cancel = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var call = Task.Run(() => scenario.ActAsync(context, cancel.Token));
        var hang = await Task.WhenAny(call, Task.Delay(watchdog)) != call;
        var abandoned = false;
        if (hang)
        {
            await cancel.CancelAsync();
            abandoned = await Task.WhenAny(call, Task.Delay(CancelGrace)) != call;
            ObserveLateFailure(call);
        }

        var elapsed = clock.Elapsed;
        Exception? failure = null;
        if (!abandoned)
        {
            try
            {
                await call;
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }

        var fired = rules.Select(r => (r.Fault, r.Rule.Fired)).ToList();
        if (plan.Faults.SingleOrDefault(f => f.Kind == FaultKind.Kill) is { } kill)
        {
            fired.Add((kill, context.ScenarioFaultsFired));
        }

        ClearFaults(context, fired);
        if (hang)
        {
            context.Violation(ViolationKind.Hang, abandoned
                ? $"the call did not return within the {watchdog.TotalSeconds:0} s watchdog, nor within {CancelGrace.TotalSeconds:0} s of being canceled: abandoned"
                : $"the call did not return within the {watchdog.TotalSeconds:0} s watchdog (it returned once canceled)");
        }
        else if (failure is not null && !FailureClassifier.IsClear(failure, harnessCanceled: false))
        {
            context.Violation(ViolationKind.UnclearFailure, $"{failure.GetType().FullName}: {failure.Message}");
        }

        if (!abandoned)
        {
            await scenario.CheckAsync(context, succeeded: !hang && failure is null);
        }

        return Outcome(plan, context, hang ? RunResult.Hang : failure is null ? RunResult.Succeeded : RunResult.Failed, failure, elapsed, fired);
    }

    /// <summary>
    /// Removes the run's rules and undoes its clock jumps (a jump stays, by design), so what the checks send — a
    /// download finished after a failure — meets a server without faults and with the right time.
    /// </summary>
    private static void ClearFaults(ChaosContext context, IReadOnlyList<(FaultSpec Fault, int Fired)> fired)
    {
        context.Emulator.Faults.Clear();
        var jumped = fired.Where(f => f.Fault.Kind == FaultKind.ClockJump).Aggregate(TimeSpan.Zero, (sum, f) => sum + (f.Fault.Jump * f.Fired));
        if (jumped != TimeSpan.Zero)
        {
            context.Emulator.Faults.Add(new FaultRule { ClockJump = -jumped, Times = 1 });
        }
    }

    private static RunOutcome Outcome(ChaosPlan plan, ChaosContext context, RunResult result, Exception? failure, TimeSpan elapsed, IReadOnlyList<(FaultSpec, int)> fired) => new()
    {
        Plan = plan,
        Result = result,
        Failure = failure is null ? null : FailureClassifier.Name(failure),
        FailureMessage = failure?.Message,
        Elapsed = elapsed,
        Faults = fired,
        BytesCorrupted = context.BytesCorrupted,
        Orphans = context.Orphans,
        Violations = context.Violations,
    };

    /// <summary>An abandoned call may still fail later; its exception must not surface as an unobserved task exception.</summary>
    private static void ObserveLateFailure(Task call) =>
        _ = call.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
