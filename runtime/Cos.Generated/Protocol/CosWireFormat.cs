using System.Globalization;

namespace Cos.Generated.Protocol;

/// <summary>Formats and parses the scalar values COS puts in headers, query strings and XML.</summary>
public static class CosWireFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Formats an integer.</summary>
    public static string Format(int value) => value.ToString(Invariant);

    /// <summary>Formats an integer.</summary>
    public static string Format(long value) => value.ToString(Invariant);

    /// <summary>Formats an unsigned integer.</summary>
    public static string Format(ulong value) => value.ToString(Invariant);

    /// <summary>Formats a boolean as <c>true</c>/<c>false</c>.</summary>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>Formats a timestamp as an RFC 1123 HTTP date (<c>Wed, 28 Oct 2026 20:30:00 GMT</c>).</summary>
    public static string FormatHttpDate(DateTimeOffset value) => value.UtcDateTime.ToString("r", Invariant);

    /// <summary>Formats a timestamp as ISO 8601 in UTC with milliseconds (<c>2026-10-28T20:30:00.000Z</c>).</summary>
    public static string FormatIso8601(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", Invariant);

    /// <summary>Formats a timestamp as whole seconds since 1970-01-01T00:00:00Z (<c>"format": "unix-seconds"</c>).</summary>
    public static string FormatUnixSeconds(DateTimeOffset value) => value.ToUnixTimeSeconds().ToString(Invariant);

    /// <summary>Parses whole seconds since 1970-01-01T00:00:00Z.</summary>
    public static DateTimeOffset ParseUnixSeconds(string value) => DateTimeOffset.FromUnixTimeSeconds(ParseInt64(value));

    /// <summary>Parses an integer.</summary>
    public static int ParseInt32(string value) => int.Parse(value.AsSpan().Trim(), NumberStyles.Integer, Invariant);

    /// <summary>Parses an integer.</summary>
    public static long ParseInt64(string value) => long.Parse(value.AsSpan().Trim(), NumberStyles.Integer, Invariant);

    /// <summary>Parses an unsigned integer (<c>x-cos-hash-crc64ecma</c> is a decimal u64).</summary>
    public static ulong ParseUInt64(string value) => ulong.Parse(value.AsSpan().Trim(), NumberStyles.None, Invariant);

    /// <summary>Parses <c>true</c>/<c>false</c> in any case.</summary>
    public static bool ParseBoolean(string value) => bool.Parse(value.AsSpan().Trim());

    /// <summary>Parses an HTTP date (RFC 1123; also accepts ISO 8601).</summary>
    public static DateTimeOffset ParseHttpDate(string value) =>
        DateTimeOffset.TryParseExact(value.Trim(), "r", Invariant, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : ParseIso8601(value);

    /// <summary>Parses an ISO 8601 timestamp; a value without an offset is UTC.</summary>
    public static DateTimeOffset ParseIso8601(string value) =>
        DateTimeOffset.Parse(value.Trim(), Invariant, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Decodes a percent-encoded value (a key of a listing asked for with encoding-type=url); null stays null.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static string? UrlDecode(string? value) => value is null ? null : Uri.UnescapeDataString(value);
}
