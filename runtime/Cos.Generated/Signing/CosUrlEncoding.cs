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
        var safe = keepSlash ? UnreservedOrSlash : Unreserved;
        var hex = lowerCase ? "0123456789abcdef" : "0123456789ABCDEF";
        var written = 0;
        Span<byte> utf8 = stackalloc byte[4];
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

            Rune.DecodeFromUtf16(value, out var rune, out var consumed);
            var byteCount = rune.EncodeToUtf8(utf8);
            if (byteCount * 3 > destination.Length - written)
            {
                return -1;
            }

            foreach (var b in utf8[..byteCount])
            {
                destination[written] = (byte)'%';
                destination[written + 1] = (byte)hex[b >> 4];
                destination[written + 2] = (byte)hex[b & 15];
                written += 3;
            }

            value = value[consumed..];
        }

        return written;
    }

    internal static bool IsUnreserved(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
}
