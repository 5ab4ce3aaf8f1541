using System.Text;
using Cos.Generated.Integrity;

namespace Cos.Generated.Tests.Integrity;

public sealed class CosCrc64Tests
{
    [Fact]
    public void The_check_value_of_CRC64_XZ_is_reproduced() =>
        CosCrc64.Compute("123456789"u8).ShouldBe(0x995DC9BBDF1939FAUL);

    [Fact]
    public void Empty_input_has_crc_zero() => CosCrc64.Compute([]).ShouldBe(0UL);

    [Fact]
    public void Matches_a_bitwise_reference_on_random_inputs()
    {
        var random = new Random(64);
        foreach (var length in new[] { 1, 7, 8, 15, 16, 17, 63, 64, 65, 255, 256, 1000, 4099 })
        {
            var data = new byte[length];
            random.NextBytes(data);
            CosCrc64.Compute(data).ShouldBe(Reference(data), $"length {length}");
        }
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    [InlineData(1, 1)]
    [InlineData(1000, 3)]
    [InlineData(4096, 4097)]
    [InlineData(65536, 12345)]
    public void Combine_of_two_parts_equals_the_crc_of_the_whole(int lengthA, int lengthB)
    {
        var random = new Random(lengthA * 31 + lengthB);
        var a = new byte[lengthA];
        var b = new byte[lengthB];
        random.NextBytes(a);
        random.NextBytes(b);

        CosCrc64.Combine(CosCrc64.Compute(a), CosCrc64.Compute(b), lengthB).ShouldBe(CosCrc64.Compute([.. a, .. b]));
    }

    [Fact]
    public void Combining_many_parts_in_order_equals_the_crc_of_the_whole()
    {
        var data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 5000).Select(i => i.ToString())));
        var crc = 0UL;
        for (var offset = 0; offset < data.Length; offset += 777)
        {
            var part = data.AsSpan(offset, Math.Min(777, data.Length - offset));
            crc = CosCrc64.Combine(crc, CosCrc64.Compute(part), part.Length);
        }

        crc.ShouldBe(CosCrc64.Compute(data));
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(8L * 1024 * 1024)]
    [InlineData(5L * 1024 * 1024 * 1024)]
    [InlineData(10_000L * 5 * 1024 * 1024 * 1024)]
    [InlineData(long.MaxValue)]
    public void Combine_of_any_length_matches_zlibs_matrix_method(long lengthB)
    {
        var random = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            var crcA = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63);
            var crcB = (ulong)random.NextInt64();
            CosCrc64.Combine(crcA, crcB, lengthB).ShouldBe(MatrixCombine(crcA, crcB, lengthB), $"crcA {crcA}, crcB {crcB}");
        }
    }

    [Fact]
    public void Combine_with_a_part_of_several_mebibytes_equals_the_crc_of_the_whole()
    {
        var a = new byte[1000];
        var b = new byte[(5 * 1024 * 1024) + 3];
        new Random(5).NextBytes(a);
        new Random(6).NextBytes(b);

        CosCrc64.Combine(CosCrc64.Compute(a), CosCrc64.Compute(b), b.Length).ShouldBe(CosCrc64.Compute([.. a, .. b]));
    }

    /// <summary>zlib's original crc32_combine in 64 bits: square a 64×64 GF(2) matrix per bit of the length (an independent reference).</summary>
    private static ulong MatrixCombine(ulong crcA, ulong crcB, long lengthB)
    {
        var odd = new ulong[64];
        var even = new ulong[64];
        odd[0] = 0xC96C5795D7870F42UL;
        for (var i = 1; i < 64; i++)
        {
            odd[i] = 1UL << (i - 1);
        }

        Square(even, odd);
        Square(odd, even);
        do
        {
            Square(even, odd);
            if ((lengthB & 1) != 0)
            {
                crcA = Times(even, crcA);
            }

            lengthB >>= 1;
            if (lengthB == 0)
            {
                break;
            }

            Square(odd, even);
            if ((lengthB & 1) != 0)
            {
                crcA = Times(odd, crcA);
            }

            lengthB >>= 1;
        }
        while (lengthB != 0);

        return crcA ^ crcB;

        static ulong Times(ulong[] matrix, ulong vector)
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

        static void Square(ulong[] square, ulong[] matrix)
        {
            for (var i = 0; i < 64; i++)
            {
                square[i] = Times(matrix, matrix[i]);
            }
        }
    }

    /// <summary>Bit-at-a-time CRC-64/XZ straight from its definition.</summary>
    private static ulong Reference(ReadOnlySpan<byte> data)
    {
        var crc = ulong.MaxValue;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xC96C5795D7870F42UL : crc >> 1;
            }
        }

        return ~crc;
    }
}
