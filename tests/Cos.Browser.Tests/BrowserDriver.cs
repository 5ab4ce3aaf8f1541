using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Cos.Browser.Tests;

/// <summary>Runs <c>node tests/browser/run.mjs</c> (playwright-core driving headless Chromium) and reads its RESULT line.</summary>
public static class BrowserDriver
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ProofDirectory => System.IO.Path.Combine(RepoRoot, "tests", "browser");

    public sealed record Result(int ExitCode, string StdOut, string StdErr, bool TimedOut)
    {
        /// <summary>The JSON after <c>RESULT </c>, or null when the driver printed none.</summary>
        public JsonElement? Json => StdOut.Split('\n').FirstOrDefault(line => line.StartsWith("RESULT ", StringComparison.Ordinal)) is { } line
            ? JsonDocument.Parse(line["RESULT ".Length..]).RootElement.Clone()
            : null;

        /// <summary>Everything node and the browser printed, for assertion messages.</summary>
        public override string ToString() =>
            $"exit code {(TimedOut ? "(killed after " + Timeout.TotalSeconds + " s)" : ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}"
            + $"\n--- stdout ---\n{StdOut.TrimEnd()}\n--- stderr (driver and browser console) ---\n{StdErr.TrimEnd()}";
    }

    /// <summary>Fails (not skips) when the page or the npm packages are missing.</summary>
    public static void EnsureInstalled()
    {
        var script = System.IO.Path.Combine(ProofDirectory, "run.mjs");
        File.Exists(script).ShouldBeTrue($"{script} is missing.");
        foreach (var package in new[] { "cos-js-sdk-v5", "playwright-core" })
        {
            var manifest = System.IO.Path.Combine(ProofDirectory, "node_modules", package, "package.json");
            File.Exists(manifest).ShouldBeTrue($"{package} is not installed ({manifest} is missing): run npm ci in tests/browser.");
        }
    }

    public static async Task<Result> RunAsync(IReadOnlyList<string> arguments, string chromiumPath)
    {
        EnsureInstalled();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("NODE") ?? "node")
        {
            WorkingDirectory = ProofDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("run.mjs");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["COS_CHROMIUM_PATH"] = chromiumPath;
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
        var fromBuild = typeof(BrowserDriver).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (!string.IsNullOrEmpty(fromBuild) && File.Exists(System.IO.Path.Combine(fromBuild, "Cos.Generated.sln")))
        {
            return System.IO.Path.GetFullPath(fromBuild);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Cos.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Cannot find the repository root (Cos.Generated.sln) from the build metadata '{fromBuild}' or above {AppContext.BaseDirectory}.");
    }
}
