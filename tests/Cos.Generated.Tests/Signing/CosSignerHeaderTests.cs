using Cos.Generated.Signing;

namespace Cos.Generated.Tests.Signing;

public sealed class CosSignerHeaderTests
{
    [Theory]
    [InlineData("Host", true)]
    [InlineData("HOST", true)]
    [InlineData("Content-Length", true)]
    [InlineData("content-md5", true)]
    [InlineData("Content-Type", true)]
    [InlineData("Range", true)]
    [InlineData("If-None-Match", true)]
    [InlineData("If-Unmodified-Since", true)]
    [InlineData("Transfer-Encoding", true)]
    [InlineData("Pic-Operations", true)]
    [InlineData("x-cos-meta-Author", true)]
    [InlineData("X-COS-ACL", true)]
    [InlineData("x-ci-Foo", true)]
    [InlineData("my-x-cos-thing", true)] // "contains", as the SDK checks
    [InlineData("User-Agent", false)]
    [InlineData("Accept", false)]
    [InlineData("Authorization", false)]
    [InlineData("x-cosmos", false)]
    [InlineData("Hostname", false)]
    [InlineData("", false)]
    [InlineData("中文-x-cos-", true)]
    [InlineData("中文", false)]
    public void IsSignedHeader_follows_the_SDK_list(string name, bool signed)
    {
        CosSigner.IsSignedHeader(name).ShouldBe(signed);
        ReferenceSigner.IsSignable(name).ShouldBe(signed); // the oracle agrees
    }

    [Fact]
    public void A_long_header_name_is_checked_too() =>
        CosSigner.IsSignedHeader(new string('a', 100) + "-x-cos-" + new string('b', 100)).ShouldBeTrue();
}
