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
