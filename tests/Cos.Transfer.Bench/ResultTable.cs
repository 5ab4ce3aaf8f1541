using System.Globalization;
using System.Text;

namespace Cos.Transfer.Bench;

/// <summary>The runs of one case, one child process each.</summary>
internal sealed class CaseRuns(BenchCase bench)
{
    public BenchCase Case { get; } = bench;

    public List<ChildResult> Runs { get; } = [];

    public double MedianSeconds => Median(Runs.Select(r => r.Seconds));

    public double BestSeconds => Runs.Min(r => r.Seconds);

    public double MedianCpu => Median(Runs.Select(r => r.CpuSeconds));

    public double MedianServerCpu => Median(Runs.Select(r => r.ServerCpuSeconds));

    public long FirstPeakRssKib => Runs.Max(r => r.FirstPeakRssKib);

    public long PeakRssKib => Runs.Max(r => r.PeakRssKib);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>
/// Formats the results as markdown: MB/s (median and best), ratio to the same run's limit, CPU per GiB, and the
/// highest peak RSS of any run after one transfer and after two.
/// </summary>
internal static class ResultTable
{
    public static string Format(IReadOnlyList<CaseRuns> cases, long size)
    {
        var gib = size / (1024.0 * 1024 * 1024);
        var text = new StringBuilder();
        text.AppendLine("| Case | MB/s (median) | MB/s (best) | ratio to limit | client CPU s/GiB | emulator CPU s/GiB | client peak RSS MiB (1 / 2 transfers) |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var direction in new[] { Direction.Upload, Direction.Download })
        {
            var limit = cases.FirstOrDefault(c => c.Case.Direction == direction && c.Case.IsLimit && c.Runs.Count > 0);
            foreach (var runs in cases.Where(c => c.Case.Direction == direction && c.Runs.Count > 0))
            {
                var mbps = size / 1e6 / runs.MedianSeconds;
                var ratio = limit is null ? "-" : (limit.MedianSeconds / runs.MedianSeconds).ToString("F2", CultureInfo.InvariantCulture);
                text.AppendLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {runs.Case.Description} | {mbps:F0} | {size / 1e6 / runs.BestSeconds:F0} | {ratio} | {runs.MedianCpu / gib:F2} | {runs.MedianServerCpu / gib:F2} | {runs.FirstPeakRssKib / 1024.0:F0} / {runs.PeakRssKib / 1024.0:F0} |"));
            }
        }

        return text.ToString();
    }
}
