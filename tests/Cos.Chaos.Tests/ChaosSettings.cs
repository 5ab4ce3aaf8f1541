using System.Globalization;

namespace Cos.Chaos.Tests;

/// <summary>
/// Which seeds a run set covers, from the environment:
/// <list type="bullet">
/// <item>nothing set — CI mode: the fixed <see cref="CiSeeds"/>, a few minutes on a 2-core machine;</item>
/// <item><c>COS_CHAOS_RUNS=500</c> — long mode: seeds 1 to 500 (from <c>COS_CHAOS_FIRST_SEED</c> when set);</item>
/// <item><c>COS_CHAOS_SEED=1234</c> (or <c>1234,77</c>) — replay exactly those seeds, as printed by a failure.</item>
/// </list>
/// <c>COS_CHAOS_WATCHDOG_SECONDS</c> changes the 60 s a call may take before it counts as a hang;
/// <c>COS_CHAOS_REPORT=path.md</c> writes the figures as Markdown (the tables of docs/reliability.md);
/// <c>COS_CHAOS_LOG=path</c> appends each run's line as it ends (test output appears only at the end: <c>tail -f</c> this).
/// </summary>
internal sealed record ChaosSettings
{
    /// <summary>
    /// The CI run set: seeds 1–56, seven of each scenario (the scenario goes round by seed); about two minutes when
    /// no call hangs. The first 56 are the fewest consecutive seeds that draw every fault kind, lost Initiate and
    /// Complete answers among them (ChaosPlanTests checks it).
    /// </summary>
    public static readonly IReadOnlyList<int> CiSeeds = [.. Enumerable.Range(1, 56)];

    public required string Mode { get; init; }

    public required IReadOnlyList<int> Seeds { get; init; }

    public required TimeSpan Watchdog { get; init; }

    public string? ReportPath { get; init; }

    public string? LogPath { get; init; }

    /// <summary>The command that runs this set again.</summary>
    public string Command => Mode switch
    {
        "replay" => $"COS_CHAOS_SEED={string.Join(',', Seeds)} dotnet test tests/Cos.Chaos.Tests",
        "long" => Seeds[0] == 1
            ? $"COS_CHAOS_RUNS={Seeds.Count} dotnet test tests/Cos.Chaos.Tests"
            : $"COS_CHAOS_FIRST_SEED={Seeds[0]} COS_CHAOS_RUNS={Seeds.Count} dotnet test tests/Cos.Chaos.Tests",
        _ => "dotnet test tests/Cos.Chaos.Tests",
    };

    public static ChaosSettings FromEnvironment()
    {
        var watchdog = TimeSpan.FromSeconds(Number("COS_CHAOS_WATCHDOG_SECONDS") ?? 60);
        var report = FullPath("COS_CHAOS_REPORT");
        var log = FullPath("COS_CHAOS_LOG");
        if (Environment.GetEnvironmentVariable("COS_CHAOS_SEED") is { Length: > 0 } seeds)
        {
            var list = seeds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed) ? seed : throw new FormatException($"COS_CHAOS_SEED: '{s}' is not a seed."))
                .ToList();
            return new ChaosSettings { Mode = "replay", Seeds = list, Watchdog = watchdog, ReportPath = report, LogPath = log };
        }

        if (Number("COS_CHAOS_RUNS") is { } runs)
        {
            var first = Number("COS_CHAOS_FIRST_SEED") ?? 1;
            return new ChaosSettings { Mode = "long", Seeds = [.. Enumerable.Range(first, runs)], Watchdog = watchdog, ReportPath = report, LogPath = log };
        }

        return new ChaosSettings { Mode = "ci", Seeds = CiSeeds, Watchdog = watchdog, ReportPath = report, LogPath = log };
    }

    private static string? FullPath(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    private static int? Number(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } text
        ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new FormatException($"{name} must be a positive whole number, not '{text}'.")
        : null;
}
