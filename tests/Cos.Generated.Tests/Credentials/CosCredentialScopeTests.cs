using Cos.Generated.Credentials;

namespace Cos.Generated.Tests.Credentials;

/// <summary>The copy source's scope, read from <c>x-cos-copy-source</c> as the JavaScript SDK's getSourceParams reads it.</summary>
public sealed class CosCredentialScopeTests
{
    [Theory]
    [InlineData("examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/dir/a%20b%2Bc.txt", "examplebucket-1250000000", "ap-guangzhou", "dir/a b+c.txt")]
    [InlineData("examplebucket-1250000000.cos.ap-beijing.tencentcos.cn/k?versionId=MTg0", "examplebucket-1250000000", "ap-beijing", "k")]
    public void The_copy_source_header_names_the_source_scope(string header, string bucket, string region, string key)
    {
        CosCredentialScope.ParseCopySource(header).ShouldBe(new CosCredentialScope("name/cos:GetObject", bucket, region, key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-copy-source")]
    [InlineData("examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/")]
    public void A_copy_source_in_another_form_has_no_source_scope(string header)
    {
        CosCredentialScope.ParseCopySource(header).ShouldBeNull();
    }
}
