using System.IO.Hashing;

namespace Cos.Generated.Integrity;

/// <summary>
/// The CRC-64 COS reports in <c>x-cos-hash-crc64ecma</c>: CRC-64/XZ (reflected polynomial
/// 0xC96C5795D7870F42, initial value and final XOR all ones; the check value of "123456789" is
/// 0x995DC9BBDF1939FA), sent as an unsigned decimal. Hashing is System.IO.Hashing's vectorized
/// <see cref="Crc64"/>; <see cref="Combine"/> joins the CRCs of consecutive parts, as COS does for a
/// multipart object.
/// </summary>
public static class CosCrc64
{
    /// <summary>The CRC-64/XZ parameters (polynomial in its normal form 0x42F0E1EBA9EA3693).</summary>
    public static Crc64ParameterSet ParameterSet { get; } = Crc64ParameterSet.Create(0x42F0E1EBA9EA3693, ulong.MaxValue, ulong.MaxValue, reflectValues: true);

    /// <summary>The reflected polynomial, as the combine matrices use it.</summary>
    private const ulong ReflectedPolynomial = 0xC96C5795D7870F42;

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static ulong Compute(ReadOnlySpan<byte> data) => Crc64.HashToUInt64(ParameterSet, data);

    /// <summary>A new incremental hasher.</summary>
    public static Crc64 Create() => new(ParameterSet);

    /// <summary>
    /// The CRC of A followed by B from <paramref name="crcA"/>, <paramref name="crcB"/> and the length of B
    /// in bytes, without the data (zlib's crc32_combine, in 64 bits): O(log length) 64×64 GF(2) matrix steps.
    /// </summary>
    public static ulong Combine(ulong crcA, ulong crcB, long lengthB)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lengthB);
        if (lengthB == 0)
        {
            return crcA;
        }

        Span<ulong> odd = stackalloc ulong[64];
        Span<ulong> even = stackalloc ulong[64];

        // The operator for one zero bit, then for two and four by squaring.
        odd[0] = ReflectedPolynomial;
        for (var i = 1; i < 64; i++)
        {
            odd[i] = 1UL << (i - 1);
        }

        Square(even, odd);
        Square(odd, even);

        // Apply len2 zero bytes to crcA, squaring the operator for each bit of the length.
        var length = lengthB;
        do
        {
            Square(even, odd);
            if ((length & 1) != 0)
            {
                crcA = Times(even, crcA);
            }

            length >>= 1;
            if (length == 0)
            {
                break;
            }

            Square(odd, even);
            if ((length & 1) != 0)
            {
                crcA = Times(odd, crcA);
            }

            length >>= 1;
        }
        while (length != 0);

        return crcA ^ crcB;
    }

    /// <summary>Formats a CRC as COS sends it: an unsigned decimal.</summary>
    public static string Format(ulong crc) => crc.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ulong Times(ReadOnlySpan<ulong> matrix, ulong vector)
    {
        ulong sum = 0;
        for (var i = 0; vector != 0; i++, vector >>= 1)
        {
            if ((vector & 1) != 0)
            {
                sum ^= matrix[i];
            }
        }

        return sum;
    }

    private static void Square(Span<ulong> square, ReadOnlySpan<ulong> matrix)
    {
        for (var i = 0; i < 64; i++)
        {
            square[i] = Times(matrix, matrix[i]);
        }
    }
}
