using System.Globalization;
using System.Runtime.InteropServices;

namespace Cos.Transfer.Bench;

/// <summary>
/// The parent: makes the random files to upload (once, in /tmp), starts the emulator, stores the all-zero objects
/// to download, runs every case <c>--repeat</c> times in rounds (so a burst of load elsewhere touches all cases
/// alike), and prints a markdown table of medians.
/// </summary>
internal static class Harness
{
    private const string Usage = "usage: Cos.Transfer.Bench [serve] [--repeat N (3)] [--size-mib N (512)] [--cases NAME,NAME...] [--data-dir DIR (/tmp/cos-transfer-bench)]";

    public static async Task<int> RunAsync(string[] args)
    {
        var repeat = 3;
        var sizeMib = 512L;
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cos-transfer-bench");
        IReadOnlyList<BenchCase> cases = BenchCase.All;
        var serve = args.Length > 0 && args[0] == "serve";
        if (serve)
        {
            args = args[1..];
        }

        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            switch (args[i])
            {
                case "--repeat":
                    repeat = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--size-mib":
                    sizeMib = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--data-dir":
                    dataDirectory = Path.GetFullPath(args[i + 1]);
                    break;
                case "--cases":
                    var names = args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries);
                    var unknown = names.Where(n => BenchCase.Find(n) is null).ToList();
                    if (unknown.Count > 0)
                    {
                        Console.Error.WriteLine($"unknown case(s): {string.Join(", ", unknown)}; cases: {string.Join(", ", BenchCase.All.Select(c => c.Name))}");
                        return 2;
                    }

                    cases = BenchCase.All.Where(c => names.Contains(c.Name)).ToList();
                    break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        if (repeat < 1)
        {
            Console.Error.WriteLine("--repeat must be at least 1.");
            return 2;
        }

        var size = sizeMib * BenchCase.MiB;
        if (size <= 0 || size % BenchCase.PartSize != 0)
        {
            Console.Error.WriteLine("--size-mib must be a positive multiple of 8.");
            return 2;
        }

        Directory.CreateDirectory(dataDirectory);
        EnsureRandomFile(Path.Combine(dataDirectory, $"random-{sizeMib}m.bin"), size);

        using var emulator = await EmulatorProcess.StartAsync();
        var workload = new Workload(emulator.Port, dataDirectory, size);
        await ZeroObjects.StoreAsync(workload, size);
        if (serve)
        {
            // For profiling one case by hand (perf record ... dotnet Cos.Transfer.Bench.dll child ...).
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"emulator pid {emulator.ProcessId} on port {emulator.Port}; run a case with:"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dotnet {typeof(Harness).Assembly.Location} {ChildProcess.Verb} CASE {emulator.Port} {dataDirectory} {size} {emulator.ProcessId}"));
            Console.WriteLine("Press Enter to stop.");
            Console.ReadLine();
            return 0;
        }

        var loadBefore = ProcessStats.LoadAverage();
        var results = cases.Select(c => new CaseRuns(c)).ToList();
        var started = DateTimeOffset.UtcNow;
        for (var round = 1; round <= repeat; round++)
        {
            foreach (var runs in results)
            {
                var result = await ChildProcess.LaunchAsync(runs.Case, workload, emulator.ProcessId);
                runs.Runs.Add(result);
                Console.Error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"round {round}/{repeat} {runs.Case.Name,-22} {size / 1e6 / result.Seconds,7:F0} MB/s  client CPU {result.CpuSeconds:F2} s  emulator CPU {result.ServerCpuSeconds:F2} s  peak RSS {result.FirstPeakRssKib / 1024.0:F0} / {result.PeakRssKib / 1024.0:F0} MiB  allocated {result.AllocatedBytes / 1048576.0:F0} MiB  load {ProcessStats.LoadAverage()}"));
            }
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {sizeMib} MiB per transfer, median of {repeat} runs (one child process each, after a warm-up transfer of the same size); load average {loadBefore} before, {ProcessStats.LoadAverage()} after; {(DateTimeOffset.UtcNow - started).TotalSeconds:F0} s."));
        Console.WriteLine();
        Console.WriteLine(ResultTable.Format(results, size));
        return 0;
    }

    /// <summary>Writes <paramref name="size"/> random bytes to <paramref name="path"/> unless a file of that size is there.</summary>
    private static void EnsureRandomFile(string path, long size)
    {
        if (File.Exists(path) && new FileInfo(path).Length == size)
        {
            return;
        }

        var random = new Random(42);
        var block = new byte[BenchCase.PartSize];
        using var file = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write);
        for (long done = 0; done < size; done += block.Length)
        {
            random.NextBytes(block);
            file.Write(block, 0, (int)Math.Min(block.Length, size - done));
        }

        file.Dispose();
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static string CpuModel()
    {
        var line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
    }
}
