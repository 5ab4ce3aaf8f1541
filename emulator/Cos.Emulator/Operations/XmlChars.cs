using System.Text;
using System.Xml;
using Cos.Emulator.Errors;
using Cos.Generated.Signing;

namespace Cos.Emulator.Operations;

/// <summary>
/// Text that may hold characters XML 1.0 cannot carry at all, not even as character references: the control
/// characters other than tab, LF and CR, U+FFFE/U+FFFF and lone surrogates. Keys may contain them (COS takes any
/// UTF-8), so every answer that echoes a key, prefix or request value decides what to do with them here.
/// </summary>
internal static class XmlChars
{
    /// <summary>True when XML 1.0 can carry every character of <paramref name="value"/>.</summary>
    public static bool IsCarriable(string value) => FirstUncarriable(value) < 0;

    /// <summary>
    /// <paramref name="value"/> with each character XML cannot carry percent-encoded (<c>%01</c>, of its UTF-8
    /// bytes), so an error or a result that echoes it is still well-formed; the rest is left as it is.
    /// </summary>
    public static string Escape(string value)
    {
        var at = FirstUncarriable(value);
        if (at < 0)
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 8).Append(value, 0, at);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = at; i < value.Length; i++)
        {
            var c = value[i];
            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], c))
            {
                text.Append(c).Append(value[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                text.Append(c);
            }
            else
            {
                // A lone surrogate has no UTF-8 form; the encoder writes U+FFFD's bytes for it.
                var n = Encoding.UTF8.GetBytes([c], utf8);
                foreach (var b in utf8[..n])
                {
                    text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// A value of a listing (a key, prefix, marker or delimiter): URL-encoded with <c>encoding-type=url</c>;
    /// otherwise as it is, or, when XML cannot carry it, a 400 InvalidArgument telling the client to ask for
    /// <c>encoding-type=url</c>, as COS does, instead of answering with a document no parser reads.
    /// </summary>
    public static string Listed(string value, string? encodingType)
    {
        if (encodingType is not null)
        {
            return CosUrlEncoding.Encode(value);
        }

        return IsCarriable(value)
            ? value
            : throw CosErrors.InvalidArgument("The listing contains a key, prefix, marker or delimiter with characters XML 1.0 cannot carry (such as U+0001): list with encoding-type=url.");
    }

    private static int FirstUncarriable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (XmlConvert.IsXmlChar(c))
            {
                continue;
            }

            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], c))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
