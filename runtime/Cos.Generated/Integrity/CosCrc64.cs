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

    /// <summary>The reflected polynomial: bit 63 is the coefficient of x^0.</summary>
    private const ulong ReflectedPolynomial = 0xC96C5795D7870F42;

    /// <summary>The polynomial 1 (x^0) in the reflected representation.</summary>
    private const ulong One = 1UL << 63;

    /// <summary>x^(2^k) mod P for k = 0..66, enough for lengths up to 2^63 bytes (2^66 bits).</summary>
    private static readonly ulong[] PowersOfTwo = CreatePowersOfTwo();

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static ulong Compute(ReadOnlySpan<byte> data) => Crc64.HashToUInt64(ParameterSet, data);

    /// <summary>A new incremental hasher.</summary>
    public static Crc64 Create() => new(ParameterSet);

    /// <summary>
    /// The CRC of A followed by B from <paramref name="crcA"/>, <paramref name="crcB"/> and the length of B
    /// in bytes, without the data (zlib's crc32_combine, in 64 bits): crcA times x^(8 × length) mod P, from a
    /// table of x^(2^k), then XOR crcB. About a microsecond; a multipart upload of 1 MiB parts combines once per part.
    /// </summary>
    public static ulong Combine(ulong crcA, ulong crcB, long lengthB)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lengthB);
        if (lengthB == 0)
        {
            return crcA;
        }

        // x^(8n) = product of x^(2^(k+3)) over the set bits k of n.
        var shift = One;
        for (var k = 3; lengthB != 0; k++, lengthB >>= 1)
        {
            if ((lengthB & 1) != 0)
            {
                shift = MultiplyModP(PowersOfTwo[k], shift);
            }
        }

        return MultiplyModP(shift, crcA) ^ crcB;
    }

    /// <summary>Formats a CRC as COS sends it: an unsigned decimal.</summary>
    public static string Format(ulong crc) => crc.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>a × b mod P, both reflected (bit 63 is x^0).</summary>
    private static ulong MultiplyModP(ulong a, ulong b)
    {
        ulong product = 0;
        for (var m = One; m != 0; m >>= 1)
        {
            if ((a & m) != 0)
            {
                product ^= b;
                if ((a & (m - 1)) == 0)
                {
                    break; // No lower terms left in a.
                }
            }

            b = (b & 1) != 0 ? (b >> 1) ^ ReflectedPolynomial : b >> 1;
        }

        return product;
    }

    private static ulong[] CreatePowersOfTwo()
    {
        var powers = new ulong[67];
        powers[0] = One >> 1; // x^1
        for (var k = 1; k < powers.Length; k++)
        {
            powers[k] = MultiplyModP(powers[k - 1], powers[k - 1]);
        }

        return powers;
    }
}
