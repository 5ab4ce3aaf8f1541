using System.Buffers;
using System.Text;

namespace Cos.Generated.Signing;

/// <summary>RFC 3986 percent-encoding as COS signs and routes it: only <c>A-Z a-z 0-9 - _ . ~</c> stay.</summary>
public static class CosUrlEncoding
{
    private const string UnreservedCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
    private static readonly SearchValues<char> Unreserved = SearchValues.Create(UnreservedCharacters);
    private static readonly SearchValues<char> UnreservedOrSlash = SearchValues.Create(UnreservedCharacters + "/");

    /// <summary>The most bytes one UTF-16 char can encode to: 3 UTF-8 bytes, each written <c>%XX</c>.</summary>
    internal const int MaxEncodedBytesPerChar = 9;

    /// <summary>Encodes every byte of the UTF-8 form except the unreserved characters, with upper-case hex.</summary>
    public static string Encode(string value) => Encode(value, keepSlash: false);

    /// <summary>Encodes an object key for the URL path: as <see cref="Encode(string)"/> but <c>/</c> is kept.</summary>
    public static string EncodePath(string key) => Encode(key, keepSlash: true);

    private static string Encode(string value, bool keepSlash)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAnyExcept(keepSlash ? UnreservedOrSlash : Unreserved) < 0)
        {
            return value;
        }

        var maxLength = value.Length * MaxEncodedBytesPerChar;
        var rented = maxLength > 512 ? ArrayPool<byte>.Shared.Rent(maxLength) : null;
        Span<byte> buffer = rented ?? stackalloc byte[512];
        try
        {
            var written = EncodeToUtf8(value, buffer, keepSlash, lowerCase: false);
            return Encoding.ASCII.GetString(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Writes the encoded form of <paramref name="value"/> as ASCII bytes; returns the byte count, or -1
    /// when <paramref name="destination"/> is too small (<see cref="MaxEncodedBytesPerChar"/> per char always
    /// suffices). With <paramref name="lowerCase"/> the output is lower-cased, hex digits included: the
    /// <c>lower(enc(name))</c> that COS signs for parameter and header names.
    /// Unpaired surrogates encode as U+FFFD, as <see cref="Encoding.UTF8"/> does.
    /// </summary>
    internal static int EncodeToUtf8(ReadOnlySpan<char> value, Span<byte> destination, bool keepSlash, bool lowerCase)
    {
        // Short names and values (the common case) are copied by a scalar loop; a mismatch, a long value or
        // a too small destination falls through to the general path below, which starts over.
        if (value.Length <= ShortLength && value.Length <= destination.Length && TryCopyUnreserved(value, destination, keepSlash, lowerCase))
        {
            return value.Length;
        }

        var safe = keepSlash ? UnreservedOrSlash : Unreserved;
        var hex = lowerCase ? "0123456789abcdef"u8 : "0123456789ABCDEF"u8;
        var written = 0;
        while (!value.IsEmpty)
        {
            var run = value.IndexOfAnyExcept(safe);
            if (run < 0)
            {
                run = value.Length;
            }

            if (run > 0)
            {
                if (run > destination.Length - written)
                {
                    return -1;
                }

                // The run is ASCII by construction, so the conversion cannot fail.
                var target = destination[written..];
                _ = lowerCase ? Ascii.ToLower(value[..run], target, out _) : Ascii.FromUtf16(value[..run], target, out _);
                written += run;
                value = value[run..];
                if (value.IsEmpty)
                {
                    break;
                }
            }

            // One code point: up to 4 UTF-8 bytes, each written %XX.
            Rune.DecodeFromUtf16(value, out var rune, out var consumed);
            var codePoint = (uint)rune.Value;
            if (rune.Utf8SequenceLength * 3 > destination.Length - written)
            {
                return -1;
            }

            if (codePoint < 0x80)
            {
                written += WritePercent(destination[written..], codePoint, hex);
            }
            else if (codePoint < 0x800)
            {
                written += WritePercent(destination[written..], 0xC0 | (codePoint >> 6), hex);
                written += WritePercent(destination[written..], 0x80 | (codePoint & 0x3F), hex);
            }
            else if (codePoint < 0x10000)
            {
                written += WritePercent(destination[written..], 0xE0 | (codePoint >> 12), hex);
                written += WritePercent(destination[written..], 0x80 | ((codePoint >> 6) & 0x3F), hex);
                written += WritePercent(destination[written..], 0x80 | (codePoint & 0x3F), hex);
            }
            else
            {
                written += WritePercent(destination[written..], 0xF0 | (codePoint >> 18), hex);
                written += WritePercent(destination[written..], 0x80 | ((codePoint >> 12) & 0x3F), hex);
                written += WritePercent(destination[written..], 0x80 | ((codePoint >> 6) & 0x3F), hex);
                written += WritePercent(destination[written..], 0x80 | (codePoint & 0x3F), hex);
            }

            value = value[consumed..];
        }

        return written;
    }

    private const int ShortLength = 24;

    /// <summary>Copies <paramref name="value"/> when it has only unreserved characters (plus <c>/</c> with <paramref name="keepSlash"/>).</summary>
    private static bool TryCopyUnreserved(ReadOnlySpan<char> value, Span<byte> destination, bool keepSlash, bool lowerCase)
    {
        var table = UnreservedTable;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var lower = c < 128 ? table[c] : (byte)0;
            if (lower == 0)
            {
                if (!(keepSlash && c == '/'))
                {
                    return false;
                }

                lower = (byte)'/';
            }

            destination[i] = lowerCase ? lower : (byte)c;
        }

        return true;
    }

    /// <summary>For each ASCII code: 0 when it must be encoded, else its lower-case form.</summary>
    private static ReadOnlySpan<byte> UnreservedTable =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)'-', (byte)'.', 0,
        (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9', 0, 0, 0, 0, 0, 0,
        0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o',
        (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, (byte)'_',
        0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o',
        (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, (byte)'~', 0,
    ];

    private static int WritePercent(Span<byte> destination, uint value, ReadOnlySpan<byte> hex)
    {
        destination[2] = hex[(int)(value & 15)];
        destination[1] = hex[(int)(value >> 4)];
        destination[0] = (byte)'%';
        return 3;
    }

    internal static bool IsUnreserved(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
}
