namespace Cos.Generated.Signing;

/// <summary>Lower-case hex into byte or char spans, without allocating (vectorized by <see cref="Convert"/>).</summary>
internal static class Hex
{
    public static void WriteLower(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        if (!Convert.TryToHexStringLower(bytes, destination, out _))
        {
            throw new ArgumentException("The destination is too small.", nameof(destination));
        }
    }

    public static void WriteLower(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        if (!Convert.TryToHexStringLower(bytes, destination, out _))
        {
            throw new ArgumentException("The destination is too small.", nameof(destination));
        }
    }
}
