using Microsoft.Build.Utilities;

namespace Cos.Generated.MSBuild.Tests.Unit;

public sealed class SmallPartsTests
{
    [Theory]
    [InlineData("\"d41d8cd98f00b204e9800998ecf8427e\"", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("\"0123456789abcdef0123456789ABCDEF\"", "0123456789abcdef0123456789ABCDEF")]
    [InlineData("\"d41d8cd98f00b204e9800998ecf8427e-3\"", null)] // multipart: not an MD5 of the content
    [InlineData("\"abc\"", null)]
    [InlineData(null, null)]
    public void Only_a_single_PUT_ETag_is_taken_as_the_content_MD5(string? etag, string? expected) =>
        RemoteObjectComparer.PlainMd5(etag).ShouldBe(expected);

    [Fact]
    public void Output_metadata_is_escaped_so_MSBuild_gives_back_the_exact_text()
    {
        const string value = "http://b.cos.ap-guangzhou.myqcloud.com/a%20b;c@d$(e)'f*?";
        var item = new TaskItem("x");

        item.SetMetadata("Url", OutputItems.Escape(value));

        item.GetMetadata("Url").ShouldBe(value);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1536, "1.50 KiB")]
    [InlineData(3 * 1024 * 1024, "3.00 MiB")]
    public void Sizes_are_in_binary_units(long bytes, string expected) => ByteFormat.Size(bytes).ShouldBe(expected);
}
