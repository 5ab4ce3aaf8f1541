using System.Diagnostics;
using System.Text;

namespace Cos.Generated.Packaging.Tests;

/// <summary>What a child process printed and how it ended.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string Output)
{
    /// <summary>The non-empty lines of standard output.</summary>
    public IReadOnlyList<string> OutputLines => StandardOutput.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList();

    /// <summary>Fails with the whole output when the process did not exit 0.</summary>
    public ProcessResult ShouldSucceed()
    {
        ExitCode.ShouldBe(0, Describe());
        return this;
    }

    /// <summary>The command and everything it printed, for failure messages.</summary>
    public string Describe() => $"`{CommandLine}` exited {ExitCode}; its output:\n{Output}";
}

/// <summary>
/// Runs the dotnet CLI (or a built app) as a child process. The child gets a clean MSBuild environment
/// (the test host's MSBuild variables would point it at this run's build), no node reuse and no shared
/// compiler server, so nothing outlives the test.
/// </summary>
public static class DotnetCli
{
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);

    public static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);

    private static string DotnetPath => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static Task<ProcessResult> DotnetAsync(string workingDirectory, TimeSpan timeout, params string[] args) =>
        RunAsync(DotnetPath, workingDirectory, timeout, args);

    public static async Task<ProcessResult> RunAsync(string fileName, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(name);
            }
        }

        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["UseSharedCompilation"] = "false";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var commandLine = $"{fileName} {string.Join(' ', args)} (in {workingDirectory})";
        var stdout = new StringBuilder();
        var all = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data, stdout);
        process.ErrorDataReceived += (_, e) => Append(e.Data, null);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timer = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"`{commandLine}` did not finish within {timeout}; its output so far:\n{Snapshot()}");
        }

        // The parameterless wait also drains the redirected streams.
        await process.WaitForExitAsync();
        return new ProcessResult(commandLine, process.ExitCode, Snapshot(stdout), Snapshot());

        void Append(string? line, StringBuilder? alsoTo)
        {
            if (line is null)
            {
                return;
            }

            lock (all)
            {
                all.AppendLine(line);
                alsoTo?.AppendLine(line);
            }
        }

        string Snapshot(StringBuilder? of = null)
        {
            lock (all)
            {
                return (of ?? all).ToString();
            }
        }
    }
}
