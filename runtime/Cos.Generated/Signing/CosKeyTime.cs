using System.Globalization;

namespace Cos.Generated.Signing;

/// <summary>
/// The validity window of a signature, in Unix seconds: <c>q-sign-time</c> and <c>q-key-time</c>,
/// written <c>start;end</c>.
/// </summary>
public readonly record struct CosKeyTime(long Start, long End)
{
    /// <summary>
    /// The window the official SDKs use: from one second before <paramref name="now"/> (rounded to the
    /// nearest second) for <paramref name="expires"/>.
    /// </summary>
    public static CosKeyTime FromNow(DateTimeOffset now, TimeSpan expires)
    {
        if (expires <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(expires), expires, "A signature must be valid for a positive time.");
        }

        var start = (long)Math.Round(now.ToUnixTimeMilliseconds() / 1000.0, MidpointRounding.AwayFromZero) - 1;
        return new CosKeyTime(start, start + (long)Math.Ceiling(expires.TotalSeconds));
    }

    /// <summary>Parses <c>start;end</c>.</summary>
    public static CosKeyTime Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var separator = value.IndexOf(';');
        if (separator > 0
            && long.TryParse(value.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && long.TryParse(value.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var end))
        {
            return new CosKeyTime(start, end);
        }

        throw new FormatException($"'{value}' is not a key time of the form start;end.");
    }

    /// <summary>The longest <c>start;end</c> text: two 20-character longs and the separator.</summary>
    internal const int MaxFormattedLength = 41;

    /// <summary>Returns <c>start;end</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Start};{End}");

    /// <summary>Writes <c>start;end</c> as ASCII; returns the byte count (the destination must hold <see cref="MaxFormattedLength"/>).</summary>
    internal int FormatUtf8(Span<byte> destination)
    {
        if (destination.Length < MaxFormattedLength)
        {
            throw new ArgumentException("The destination is too small for a key time.", nameof(destination));
        }

        Start.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        destination[written++] = (byte)';';
        End.TryFormat(destination[written..], out var endLength, default, CultureInfo.InvariantCulture);
        return written + endLength;
    }
}
