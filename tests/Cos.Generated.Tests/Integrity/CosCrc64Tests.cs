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
