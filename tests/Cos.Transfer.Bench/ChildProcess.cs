using System.Diagnostics;
using System.Globalization;

namespace Cos.Transfer.Bench;

/// <summary>
/// What a child measured: wall time and CPU time of the measured transfer, the process's peak RSS after the first
/// (warm-up) transfer and after both, and the emulator's CPU time and the bytes the child allocated on the managed
/// heap during the measured transfer.
/// </summary>
internal sealed record ChildResult(double Seconds, double CpuSeconds, long FirstPeakRssKib, long PeakRssKib, double ServerCpuSeconds, long AllocatedBytes);

/// <summary>
/// Both ends of a child run. The child makes one warm-up transfer of the full size, pauses, then times a second
/// one and prints one <c>RESULT</c> line; the parent starts it and parses that line. The warm-up brings the hot
/// paths to tier-1 code: after a 64 MiB warm-up, a loaded machine still ran System.IO.Hashing's CRC-64 as tier-0
/// code during much of the timed transfer (about 1.0 instead of 0.6 CPU s/GiB for a download).
/// </summary>
internal static class ChildProcess
{
    public const string Verb = "child";

    private const string ResultPrefix = "RESULT ";

    /// <summary>The child: <c>child CASE PORT DATA_DIRECTORY SIZE EMULATOR_PID</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 5 || BenchCase.Find(args[0]) is not { } bench)
        {
            await Console.Error.WriteLineAsync("usage: child CASE PORT DATA_DIRECTORY SIZE_BYTES EMULATOR_PID");
            return 2;
        }

        var workload = new Workload(int.Parse(args[1], CultureInfo.InvariantCulture), args[2], long.Parse(args[3], CultureInfo.InvariantCulture));
        using var emulator = Process.GetProcessById(int.Parse(args[4], CultureInfo.InvariantCulture));
        using var transfer = Transfers.Create(bench, workload);
        var target = workload.DownloadTarget(bench.Name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        await transfer.RunAsync(workload.Size);
        var firstPeak = ProcessStats.PeakRssKib();
        File.Delete(target);
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        emulator.Refresh();
        var serverBefore = emulator.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var cpuBefore = ProcessStats.CpuTime();
        var watch = Stopwatch.StartNew();
        await transfer.RunAsync(workload.Size);
        var seconds = watch.Elapsed.TotalSeconds;
        var cpu = (ProcessStats.CpuTime() - cpuBefore).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        emulator.Refresh();
        var serverCpu = (emulator.TotalProcessorTime - serverBefore).TotalSeconds;
        var peak = ProcessStats.PeakRssKib();
        File.Delete(target);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ResultPrefix}seconds={seconds:F4} cpu={cpu:F4} first_peak_rss_kib={firstPeak} peak_rss_kib={peak} server_cpu={serverCpu:F4} allocated={allocated}"));
        return 0;
    }

    /// <summary>The parent: runs one case in a new process of this program and parses its result.</summary>
    public static async Task<ChildResult> LaunchAsync(BenchCase bench, Workload workload, int emulatorPid)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        info.ArgumentList.Add(Verb);
        info.ArgumentList.Add(bench.Name);
        info.ArgumentList.Add(workload.Port.ToString(CultureInfo.InvariantCulture));
        info.ArgumentList.Add(workload.DataDirectory);
        info.ArgumentList.Add(workload.Size.ToString(CultureInfo.InvariantCulture));
        info.ArgumentList.Add(emulatorPid.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"{bench.Name} failed (exit code {process.ExitCode}): {output.Trim()}");
        }

        var fields = line[ResultPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('='))
            .ToDictionary(f => f[0], f => f[1]);
        return new ChildResult(
            double.Parse(fields["seconds"], CultureInfo.InvariantCulture),
            double.Parse(fields["cpu"], CultureInfo.InvariantCulture),
            long.Parse(fields["first_peak_rss_kib"], CultureInfo.InvariantCulture),
            long.Parse(fields["peak_rss_kib"], CultureInfo.InvariantCulture),
            double.Parse(fields["server_cpu"], CultureInfo.InvariantCulture),
            long.Parse(fields["allocated"], CultureInfo.InvariantCulture));
    }
}
