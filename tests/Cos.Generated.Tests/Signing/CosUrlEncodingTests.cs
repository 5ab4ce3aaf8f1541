using Cos.Generated.Signing;

namespace Cos.Generated.Tests.Signing;

public sealed class CosUrlEncodingTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("AZaz09-_.~", "AZaz09-_.~")]
    [InlineData("a b", "a%20b")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("!'()*", "%21%27%28%29%2A")]
    [InlineData("?#%&=;,@:$[]", "%3F%23%25%26%3D%3B%2C%40%3A%24%5B%5D")]
    [InlineData("é", "%C3%A9")]
    [InlineData("中文", "%E4%B8%AD%E6%96%87")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("\u007f\n", "%7F%0A")]
    public void Encode_is_RFC_3986_with_upper_case_hex(string value, string expected) =>
        CosUrlEncoding.Encode(value).ShouldBe(expected);

    [Theory]
    [InlineData("dir/sub dir/file+1.txt", "dir/sub%20dir/file%2B1.txt")]
    [InlineData("/leading/", "/leading/")]
    [InlineData("中/(x)", "%E4%B8%AD/%28x%29")]
    public void EncodePath_keeps_slashes_only(string value, string expected) =>
        CosUrlEncoding.EncodePath(value).ShouldBe(expected);

    [Fact]
    public void An_unpaired_surrogate_encodes_as_the_replacement_character() =>
        CosUrlEncoding.Encode("a\ud800b").ShouldBe("a%EF%BF%BDb");

    [Fact]
    public void Encode_agrees_with_the_platform_on_every_BMP_character_and_long_strings()
    {
        var random = new Random(20240601);
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 200)];
            for (var j = 0; j < chars.Length; j++)
            {
                // Mostly ASCII, some Latin-1/CJK, no surrogates (EscapeDataString rejects unpaired ones).
                chars[j] = random.Next(4) switch { 0 => (char)random.Next(0x80, 0xD800), _ => (char)random.Next(0x20, 0x7F) };
            }

            var value = new string(chars);
            CosUrlEncoding.Encode(value).ShouldBe(ReferenceSigner.Enc(value), value);
        }
    }

    [Fact]
    public void Null_is_rejected() => Should.Throw<ArgumentNullException>(() => CosUrlEncoding.Encode(null!));
}

public sealed class CosUrlEncodingUtf8Tests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Every_ASCII_character_encodes_like_the_reference_in_short_and_long_values(bool lowerCase, bool keepSlash)
    {
        for (var c = (char)0; c < 128; c++)
        {
            foreach (var repeat in new[] { 1, 5, 24, 25, 60 }) // both sides of the short-value fast path
            {
                var value = new string(c, repeat);
                var expected = keepSlash && c == '/' ? value : ReferenceSigner.Enc(value);
                Encode(value, keepSlash, lowerCase).ShouldBe(lowerCase ? expected.ToLowerInvariant() : expected, $"char {(int)c} x{repeat}");
            }
        }
    }

    [Fact]
    public void A_too_small_destination_is_reported_not_overrun()
    {
        var destination = new byte[5];
        CosUrlEncoding.EncodeToUtf8("abcdef", destination, keepSlash: false, lowerCase: false).ShouldBe(-1);
        CosUrlEncoding.EncodeToUtf8("ab cd", destination, keepSlash: false, lowerCase: false).ShouldBe(-1);
        CosUrlEncoding.EncodeToUtf8("中", destination, keepSlash: false, lowerCase: false).ShouldBe(-1);
        CosUrlEncoding.EncodeToUtf8("a b", destination, keepSlash: false, lowerCase: false).ShouldBe(5);
    }

    private static string Encode(string value, bool keepSlash, bool lowerCase)
    {
        var buffer = new byte[value.Length * CosUrlEncoding.MaxEncodedBytesPerChar];
        var written = CosUrlEncoding.EncodeToUtf8(value, buffer, keepSlash, lowerCase);
        return System.Text.Encoding.ASCII.GetString(buffer, 0, written);
    }
}
