using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Cos.Conformance.Tests;

/// <summary>Runs <c>node tests/conformance/node/scenarios.js &lt;name&gt;</c> as a child process.</summary>
public static class NodeScenarioRunner
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The repository root: from the build (AssemblyMetadata RepoRoot), else the folder above the test assembly holding Cos.Generated.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ScenarioDirectory => Path.Combine(RepoRoot, "tests", "conformance", "node");

    public sealed record Result(int ExitCode, string StdOut, string StdErr, bool TimedOut)
    {
        public override string ToString() =>
            $"exit code {(TimedOut ? "(killed after " + Timeout.TotalSeconds + " s)" : ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}"
            + $"\n--- stdout ---\n{StdOut.TrimEnd()}\n--- stderr ---\n{StdErr.TrimEnd()}";
    }

    /// <summary>Fails (not skips) when node or the npm packages are missing.</summary>
    public static void EnsureInstalled()
    {
        var script = Path.Combine(ScenarioDirectory, "scenarios.js");
        File.Exists(script).ShouldBeTrue($"{script} is missing.");
        var sdk = Path.Combine(ScenarioDirectory, "node_modules", "cos-nodejs-sdk-v5", "package.json");
        File.Exists(sdk).ShouldBeTrue($"The Node SDK is not installed ({sdk} is missing): run npm ci in tests/conformance/node.");
    }

    public static async Task<Result> RunAsync(string scenario, IReadOnlyDictionary<string, string> environment)
    {
        EnsureInstalled();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("NODE") ?? "node")
        {
            WorkingDirectory = ScenarioDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("scenarios.js");
        start.ArgumentList.Add(scenario);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start '{start.FileName}' ({e.Message}): install Node.js 20+ or set NODE to its path.", e);
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var timedOut = false;
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        return new Result(process.ExitCode, await stdout, await stderr, timedOut);
    }

    private static string FindRepoRoot()
    {
        var fromBuild = typeof(NodeScenarioRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (!string.IsNullOrEmpty(fromBuild) && File.Exists(Path.Combine(fromBuild, "Cos.Generated.sln")))
        {
            return Path.GetFullPath(fromBuild);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cos.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Cannot find the repository root (Cos.Generated.sln) from the build metadata '{fromBuild}' or above {AppContext.BaseDirectory}.");
    }
}
