using System.Globalization;
using Cos.Emulator.Errors;

namespace Cos.Emulator.Operations;

/// <summary>A single <c>bytes=a-b</c>, <c>bytes=a-</c> or <c>bytes=-n</c> range.</summary>
internal readonly record struct ByteRange(long Start, long Length)
{
    public long End => Start + Length - 1;

    /// <summary>
    /// Parses a Range header against an object of <paramref name="size"/> bytes: null means the whole object
    /// (no header, or one that is not a single byte range); an unsatisfiable range throws 416 InvalidRange.
    /// The end is clamped to the last byte.
    /// </summary>
    public static ByteRange? Parse(string? header, long size)
    {
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var spec = header[6..].Trim();
        if (spec.Contains(','))
        {
            return null;
        }

        var dash = spec.IndexOf('-');
        if (dash < 0)
        {
            return null;
        }

        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix))
            {
                return null;
            }

            if (suffix == 0 || size == 0)
            {
                throw CosErrors.InvalidRange(size);
            }

            var n = Math.Min(suffix, size);
            return new ByteRange(size - n, n);
        }

        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return null;
        }

        long end;
        if (last.Length == 0)
        {
            end = size - 1;
        }
        else if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out end) || end < start)
        {
            return null;
        }

        if (start >= size)
        {
            throw CosErrors.InvalidRange(size);
        }

        end = Math.Min(end, size - 1);
        return new ByteRange(start, end - start + 1);
    }
}
