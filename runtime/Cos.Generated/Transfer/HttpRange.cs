using System.Globalization;

namespace Cos.Generated.Transfer;

/// <summary>The byte ranges transfers ask for (<c>Range</c>, <c>x-cos-copy-source-range</c>).</summary>
internal static class HttpRange
{
    /// <summary>Formats the inclusive range of <paramref name="length"/> bytes from <paramref name="start"/>: <c>bytes=start-end</c>.</summary>
    public static string Format(long start, long length) =>
        string.Create(CultureInfo.InvariantCulture, $"bytes={start}-{start + length - 1}");
}
