using System.Collections.Concurrent;
using System.Diagnostics;
using Cos.Emulator;

namespace Cos.Generated.Tests.Transfer;

/// <summary>
/// The Cos.Transfer.KillTarget program (copied next to the tests by the project reference) run as a child process
/// with <c>dotnet</c>, uploading one file to an emulator; its output lines are collected as they come.
/// </summary>
internal sealed class KillTargetProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines;

    private KillTargetProcess(Process process, ConcurrentQueue<string> lines)
    {
        _process = process;
        _lines = lines;
    }

    /// <summary>Everything the child printed so far (standard error lines start with <c>stderr:</c>).</summary>
    public IReadOnlyList<string> Output => [.. _lines];

    public bool HasExited => _process.HasExited;

    public static KillTargetProcess Start(CosEmulator emulator, string bucket, string key, string file, string checkpointDirectory)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "Cos.Transfer.KillTarget.dll");
        File.Exists(program).ShouldBeTrue($"{program} is missing: the test project references Cos.Transfer.KillTarget so that its build output is copied here.");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { program, emulator.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), bucket, key, file, checkpointDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        // The key pair goes through the environment, not the command line.
        start.Environment["COS_SECRET_ID"] = emulator.SecretId;
        start.Environment["COS_SECRET_KEY"] = emulator.SecretKey;

        var lines = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Enqueue("stderr: " + e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new KillTargetProcess(process, lines);
    }

    /// <summary>
    /// Kills the child with SIGKILL, as a crash or <c>kill -9</c> would, and waits until it is gone. <c>dotnet</c> runs
    /// the program in its own process and it starts none, so <c>Kill()</c> is the whole tree; <c>Kill(entireProcessTree: true)</c>
    /// would also enumerate every process on the machine, which on .NET 10 / Linux was seen (like
    /// <c>Process.GetProcesses()</c> alone) to reset other loopback connections of this test process.
    /// </summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    /// <summary>The <c>dotnet</c> host running these tests (the CLI says which in DOTNET_HOST_PATH), else the one on the PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
