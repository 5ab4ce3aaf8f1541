using System.Text;

namespace Cos.Emulator.Storage;

/// <summary>Orders strings by their UTF-8 bytes (code point order), as COS lists keys.</summary>
internal sealed class Utf8Order : IComparer<string>
{
    public static Utf8Order Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var a = x.AsSpan();
        var b = y.AsSpan();
        var i = 0;
        while (i < a.Length && i < b.Length)
        {
            if (a[i] != b[i])
            {
                // Surrogates (U+10000 and up) sort after U+E000..U+FFFF in UTF-8 but before them in UTF-16.
                var ca = a[i];
                var cb = b[i];
                if (char.IsSurrogate(ca) != char.IsSurrogate(cb) && (ca >= 0xE000 || cb >= 0xE000))
                {
                    return char.IsSurrogate(ca) ? 1 : -1;
                }

                return ca.CompareTo(cb);
            }

            i++;
        }

        return a.Length.CompareTo(b.Length);
    }

    public static byte[] Bytes(string value) => Encoding.UTF8.GetBytes(value);
}
