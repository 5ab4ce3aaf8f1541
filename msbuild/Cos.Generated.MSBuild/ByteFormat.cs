using System.Globalization;

namespace Cos.Generated.MSBuild;

/// <summary>Sizes and rates for log lines, in binary units (KiB, MiB, GiB) with invariant formatting.</summary>
internal static class ByteFormat
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB"];

    /// <summary><c>512 B</c>, <c>1.50 MiB</c>.</summary>
    public static string Size(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.00} {Units[unit]}");
    }

    /// <summary><c>3.20 MiB/s</c>; <c>-</c> when no time passed.</summary>
    public static string Rate(long bytes, TimeSpan elapsed) =>
        elapsed <= TimeSpan.Zero ? "-" : Size((long)(bytes / elapsed.TotalSeconds)) + "/s";

    /// <summary><c>1.23 s</c>.</summary>
    public static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.00} s");
}
