using System.Diagnostics;
using System.Globalization;

namespace Cos.Transfer.Bench;

/// <summary>The current process's CPU time and peak resident set (VmHWM).</summary>
internal static class ProcessStats
{
    public static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>The peak resident set size in KiB, from /proc/self/status (Linux).</summary>
    public static long PeakRssKib()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("/proc/self/status has no VmHWM line.");
    }

    /// <summary>The 1-minute load average, to note how busy the machine was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
