using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Cos.Tests.Shared;

/// <summary>What a node child process printed, and how it ended.</summary>
public sealed record NodeRunResult(int ExitCode, string StdOut, string StdErr, bool TimedOut, TimeSpan Timeout)
{
    /// <summary>Everything node printed, for assertion messages.</summary>
    public override string ToString() =>
        $"exit code {(TimedOut ? "(killed after " + Timeout.TotalSeconds + " s)" : ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}"
        + $"\n--- stdout ---\n{StdOut.TrimEnd()}\n--- stderr ---\n{StdErr.TrimEnd()}";
}

/// <summary>Runs node scripts of the repository's test folders (shared by the conformance and browser tests).</summary>
public static class NodeProcess
{
    /// <summary>The repository root: from the build (AssemblyMetadata RepoRoot), else the folder above the test assembly holding Cos.Generated.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Runs <c>node</c> (or <c>$NODE</c>) with <paramref name="arguments"/> in <paramref name="directory"/>; killed with its children after <paramref name="timeout"/>.</summary>
    public static async Task<NodeRunResult> RunAsync(string directory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("NODE") ?? "node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

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
        using (var cancel = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true); // node and, for the browser test, Chromium
                await process.WaitForExitAsync();
            }
        }

        return new NodeRunResult(process.ExitCode, await stdout, await stderr, timedOut, timeout);
    }

    private static string FindRepoRoot()
    {
        var fromBuild = Assembly.GetExecutingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>()
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
