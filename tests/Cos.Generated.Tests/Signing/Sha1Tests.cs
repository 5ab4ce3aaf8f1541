using System.Security.Cryptography;
using Cos.Generated.Signing;

namespace Cos.Generated.Tests.Signing;

public sealed class Sha1Tests
{
    public static TheoryData<int> Lengths()
    {
        var data = new TheoryData<int>();
        foreach (var length in new[] { 0, 1, 3, 20, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 191, 192, 250, 1000, 4099 })
        {
            data.Add(length);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void HashData_matches_the_platform(int length)
    {
        var random = new Random(length);
        for (var i = 0; i < 20; i++)
        {
            var input = new byte[length];
            random.NextBytes(input);
            var actual = new byte[Sha1.HashSize];
            Sha1.HashData(input, actual);
            actual.ShouldBe(SHA1.HashData(input));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(17)]
    public void The_managed_rounds_and_the_dispatching_compress_agree_with_the_platform(int blocks)
    {
        // Sha1.Compress may take OpenSSL's block function; both paths must give the platform's digest.
        var random = new Random(blocks);
        for (var i = 0; i < 50; i++)
        {
            var input = new byte[blocks * Sha1.BlockSize];
            random.NextBytes(input);
            var expected = SHA1.HashData(input);

            var managed = Sha1.InitialState;
            Sha1.CompressManaged(ref managed, input);
            Finish(managed, input.Length).ShouldBe(expected);

            var dispatched = Sha1.InitialState;
            Sha1.Compress(ref dispatched, input);
            Finish(dispatched, input.Length).ShouldBe(expected);
        }

        static byte[] Finish(Sha1State state, int prefixLength)
        {
            var digest = new byte[Sha1.HashSize];
            Sha1.Finish(ref state, [], prefixLength, digest);
            return digest;
        }
    }

    [Fact]
    public void OpenSsl_block_function_is_used_where_libcrypto_3_exists()
    {
        var expected = OperatingSystem.IsLinux() && File.Exists("/usr/lib/x86_64-linux-gnu/libcrypto.so.3");
        if (expected)
        {
            OpenSslSha1.IsAvailable.ShouldBeTrue("libcrypto.so.3 is on this machine, so signing should use its SHA-1 block function");
        }
    }

    [Fact]
    public void HashData_matches_the_platform_on_every_length_up_to_300()
    {
        var random = new Random(7);
        for (var length = 0; length <= 300; length++)
        {
            var input = new byte[length];
            random.NextBytes(input);
            var actual = new byte[Sha1.HashSize];
            Sha1.HashData(input, actual);
            actual.ShouldBe(SHA1.HashData(input), $"length {length}");
        }
    }

    [Fact]
    public void FinishInPlace_and_ComputeMacInPlace_match_the_platform_on_every_length_up_to_200()
    {
        var random = new Random(11);
        var key = new byte[40];
        random.NextBytes(key);
        var hmac = new HmacSha1Key(key);
        for (var length = 0; length <= 200; length++)
        {
            var message = new byte[length];
            random.NextBytes(message);
            var buffer = new byte[length + Sha1.MaxPadding];
            message.CopyTo(buffer, 0);
            var state = Sha1.InitialState;
            var hash = new byte[Sha1.HashSize];
            Sha1.FinishInPlace(ref state, buffer, length, 0, hash);
            hash.ShouldBe(SHA1.HashData(message), $"length {length}");

            message.CopyTo(buffer, 0);
            var mac = new byte[Sha1.HashSize];
            hmac.ComputeMacInPlace(buffer, length, mac);
            mac.ShouldBe(HMACSHA1.HashData(key, message), $"length {length}");
        }
    }

    [Fact]
    public void HashData_matches_the_FIPS_180_example() =>
        Convert.ToHexStringLower(Hash("abc"u8)).ShouldBe("a9993e364706816aba3e25717850c26c9cd0d89d");

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(40)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public void HmacSha1Key_matches_the_platform(int keyLength)
    {
        var random = new Random(keyLength + 1000);
        for (var length = 0; length < 200; length += 7)
        {
            var key = new byte[keyLength];
            var message = new byte[length];
            random.NextBytes(key);
            random.NextBytes(message);
            var actual = new byte[Sha1.HashSize];
            new HmacSha1Key(key).ComputeMac(message, actual);
            actual.ShouldBe(HMACSHA1.HashData(key, message), $"key {keyLength}, message {length}");
        }
    }

    private static byte[] Hash(ReadOnlySpan<byte> input)
    {
        var hash = new byte[Sha1.HashSize];
        Sha1.HashData(input, hash);
        return hash;
    }
}
