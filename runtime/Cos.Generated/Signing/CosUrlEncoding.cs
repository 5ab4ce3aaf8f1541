using System.Text;

namespace Cos.Generated.Signing;

/// <summary>RFC 3986 percent-encoding as COS signs and routes it: only <c>A-Z a-z 0-9 - _ . ~</c> stay.</summary>
public static class CosUrlEncoding
{
    /// <summary>Encodes every byte of the UTF-8 form except the unreserved characters, with upper-case hex.</summary>
    public static string Encode(string value) => Encode(value, keepSlash: false);

    /// <summary>Encodes an object key for the URL path: as <see cref="Encode(string)"/> but <c>/</c> is kept.</summary>
    public static string EncodePath(string key) => Encode(key, keepSlash: true);

    private static string Encode(string value, bool keepSlash)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = Encoding.UTF8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b) || (keepSlash && b == '/'))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 15]);
            }
        }

        return builder.ToString();
    }

    internal static bool IsUnreserved(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
}
