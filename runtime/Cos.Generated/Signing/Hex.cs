namespace Cos.Generated.Signing;

/// <summary>Lower-case hex into byte or char spans, without allocating.</summary>
internal static class Hex
{
    private const string Digits = "0123456789abcdef";

    public static void WriteLower(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = (byte)Digits[bytes[i] >> 4];
            destination[(2 * i) + 1] = (byte)Digits[bytes[i] & 15];
        }
    }

    public static void WriteLower(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = Digits[bytes[i] >> 4];
            destination[(2 * i) + 1] = Digits[bytes[i] & 15];
        }
    }
}
