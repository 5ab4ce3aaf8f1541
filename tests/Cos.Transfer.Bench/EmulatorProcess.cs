using System.Diagnostics;

namespace Cos.Transfer.Bench;

/// <summary>
/// The standalone emulator (Cos.Emulator.Cli.dll beside this program) in its own process: discarding store, no
/// authentication, one bucket. Each child reads its CPU time around the measured transfer.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<EmulatorProcess> StartAsync()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Cos.Emulator.Cli.dll"), "--port", "0", "--discard-bodies", "--no-auth", "--bucket", Workload.Bucket })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("The emulator did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("listening on ", StringComparison.Ordinal))
        {
            process.Kill();
            process.Dispose();
            throw new InvalidOperationException($"The emulator printed '{line}' instead of its listening line.");
        }

        return new EmulatorProcess(process, new Uri(line["listening on ".Length..]).Port);
    }

    public int ProcessId => _process.Id;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
