using Cos.Generated.Endpoints;
using Cos.Generated.Protocol;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Endpoints;

public class CosEndpointResolverTests
{
    private const string Bucket = "examplebucket-1250000000";
    private static readonly List<KeyValuePair<string, string?>> NoQuery = [];

    private static CosEndpoint Object(CosClientOptions options, string key, string? region = "ap-guangzhou", List<KeyValuePair<string, string?>>? query = null) =>
        new CosEndpointResolver(options).ResolveBucket(Bucket, region, key, query ?? NoQuery);

    [Fact]
    public void Default_host_is_virtual_hosted()
    {
        var endpoint = Object(new CosClientOptions(), "k");
        endpoint.Uri.OriginalString.ShouldBe("https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/k");
        endpoint.Host.ShouldBe("examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com");
        endpoint.Pathname.ShouldBe("/k");
    }

    [Theory]
    [InlineData("cn-south")]
    [InlineData("cn-south-2")]
    [InlineData("cn-north")]
    [InlineData("cn-east")]
    [InlineData("cn-southwest")]
    [InlineData("sg")]
    public void Legacy_regions_have_no_cos_label(string region) =>
        Object(new CosClientOptions(), "k", region).Uri.OriginalString.ShouldBe($"https://examplebucket-1250000000.{region}.myqcloud.com/k");

    [Fact]
    public void Accelerate_replaces_the_region()
    {
        Object(new CosClientOptions { UseAccelerate = true }, "k").Uri.OriginalString
            .ShouldBe("https://examplebucket-1250000000.cos.accelerate.myqcloud.com/k");
    }

    [Fact]
    public void Http_protocol_with_colon()
    {
        Object(new CosClientOptions { Protocol = "http:" }, "k").Uri.OriginalString
            .ShouldBe("http://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/k");
    }

    [Fact]
    public void Domain_template_from_the_js_docs()
    {
        var endpoint = Object(new CosClientOptions { Domain = "{Region}.static.example.com/{BucketName}/{AppId}" }, "k");
        endpoint.Uri.OriginalString.ShouldBe("https://ap-guangzhou.static.example.com/examplebucket/1250000000/k");
        endpoint.Host.ShouldBe("ap-guangzhou.static.example.com");
        endpoint.Pathname.ShouldBe("/k");
    }

    [Fact]
    public void Domain_template_placeholders_are_case_insensitive_and_unknown_ones_removed()
    {
        Object(new CosClientOptions { Domain = "{bucket}.{Unknown}cdn.example.com/" }, "k").Uri.OriginalString
            .ShouldBe("https://examplebucket-1250000000.cdn.example.com/k");
    }

    [Fact]
    public void Legacy_double_brace_bucket_is_the_short_name()
    {
        Object(new CosClientOptions { Domain = "{{Bucket}}-{{AppId}}.{{Region}}.example.com{{Other}}" }, "k").Uri.OriginalString
            .ShouldBe("https://examplebucket-1250000000.ap-guangzhou.example.com/k");
    }

    [Fact]
    public void Domain_with_its_own_scheme_and_port_keeps_them()
    {
        var endpoint = Object(new CosClientOptions { Domain = "http://{Bucket}.example.com:8080//" }, "a/b");
        endpoint.Uri.OriginalString.ShouldBe("http://examplebucket-1250000000.example.com:8080/a/b");
        endpoint.Host.ShouldBe("examplebucket-1250000000.example.com:8080");
    }

    [Fact]
    public void Domain_without_region_placeholder_does_not_need_a_region()
    {
        Object(new CosClientOptions { Domain = "{Bucket}.example.com" }, "k", region: null).Uri.OriginalString
            .ShouldBe("https://examplebucket-1250000000.example.com/k");
    }

    [Fact]
    public void Force_path_style_puts_the_bucket_in_the_path_and_the_signed_pathname()
    {
        var endpoint = Object(new CosClientOptions { ForcePathStyle = true }, "dir/a b.txt");
        endpoint.Uri.OriginalString.ShouldBe("https://cos.ap-guangzhou.myqcloud.com/examplebucket-1250000000/dir/a%20b.txt");
        endpoint.Host.ShouldBe("cos.ap-guangzhou.myqcloud.com");
        endpoint.Pathname.ShouldBe("/examplebucket-1250000000/dir/a b.txt");
    }

    [Fact]
    public void Force_path_style_bucket_level()
    {
        var endpoint = new CosEndpointResolver(new CosClientOptions { ForcePathStyle = true }).ResolveBucket(Bucket, "ap-guangzhou", null, NoQuery);
        endpoint.Uri.OriginalString.ShouldBe("https://cos.ap-guangzhou.myqcloud.com/examplebucket-1250000000/");
        endpoint.Pathname.ShouldBe("/examplebucket-1250000000/");
    }

    [Fact]
    public void Key_is_percent_encoded_in_the_path_and_raw_in_the_signature()
    {
        var endpoint = Object(new CosClientOptions(), "dir/a b+c.txt");
        endpoint.Uri.OriginalString.ShouldBe("https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/dir/a%20b%2Bc.txt");
        endpoint.Pathname.ShouldBe("/dir/a b+c.txt");
    }

    [Fact]
    public void Reserved_and_unicode_characters_are_encoded()
    {
        var endpoint = Object(new CosClientOptions(), "中文/?#%~&=;,@()!*'");
        endpoint.Uri.OriginalString.ShouldBe("https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/%E4%B8%AD%E6%96%87/%3F%23%25~%26%3D%3B%2C%40%28%29%21%2A%27");
        endpoint.Uri.PathAndQuery.ShouldBe("/%E4%B8%AD%E6%96%87/%3F%23%25~%26%3D%3B%2C%40%28%29%21%2A%27");
    }

    [Fact]
    public void Dot_segments_and_double_slashes_are_kept()
    {
        var endpoint = Object(new CosClientOptions(), "a/../b//./c");
        endpoint.Uri.PathAndQuery.ShouldBe("/a/../b//./c");
        endpoint.Pathname.ShouldBe("/a/../b//./c");
    }

    [Fact]
    public void Bucket_level_requests_sign_slash()
    {
        var endpoint = new CosEndpointResolver(new CosClientOptions()).ResolveBucket(Bucket, "ap-guangzhou", null, [new("acl", null)]);
        endpoint.Uri.OriginalString.ShouldBe("https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/?acl");
        endpoint.Pathname.ShouldBe("/");
    }

    [Fact]
    public void Query_names_and_values_are_encoded_and_sub_resources_are_bare()
    {
        var endpoint = Object(new CosClientOptions(), "k", query:
        [
            new("uploads", null),
            new("prefix", "a b/c"),
            new("empty", ""),
            new("response-content-disposition", "attachment; filename=\"x.txt\""),
        ]);
        endpoint.Uri.OriginalString.ShouldBe(
            "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/k?uploads&prefix=a%20b%2Fc&empty=&response-content-disposition=attachment%3B%20filename%3D%22x.txt%22");
    }

    [Fact]
    public void Request_region_falls_back_to_the_options_region()
    {
        var resolver = new CosEndpointResolver(new CosClientOptions { Region = "ap-shanghai" });
        var request = new CosHttpRequest("GetObject", HttpMethod.Get, CosOperationSafety.ReadOnly) { Bucket = Bucket, Key = "k" };
        resolver.Resolve(request).Uri.OriginalString.ShouldBe("https://examplebucket-1250000000.cos.ap-shanghai.myqcloud.com/k");
        request.Region = "ap-beijing";
        resolver.Resolve(request).Uri.OriginalString.ShouldBe("https://examplebucket-1250000000.cos.ap-beijing.myqcloud.com/k");
    }

    [Fact]
    public void Service_endpoint_defaults()
    {
        var resolver = new CosEndpointResolver(new CosClientOptions { Region = "ap-shanghai" });
        resolver.ResolveService(null, NoQuery).Uri.OriginalString.ShouldBe("https://service.cos.myqcloud.com/");
        resolver.ResolveService("ap-guangzhou", NoQuery).Uri.OriginalString.ShouldBe("https://cos.ap-guangzhou.myqcloud.com/");
        resolver.ResolveService(null, NoQuery).Pathname.ShouldBe("/");
    }

    [Fact]
    public void Service_domain_wins()
    {
        var resolver = new CosEndpointResolver(new CosClientOptions { ServiceDomain = "service.example.com/" });
        var endpoint = resolver.ResolveService("ap-guangzhou", NoQuery);
        endpoint.Uri.OriginalString.ShouldBe("https://service.example.com/");
        endpoint.Host.ShouldBe("service.example.com");
    }

    [Fact]
    public void Service_scope_request_goes_to_the_service_endpoint()
    {
        var resolver = new CosEndpointResolver(new CosClientOptions());
        var request = new CosHttpRequest(CosOperations.GetService) { Region = "ap-chengdu" };
        resolver.Resolve(request).Uri.OriginalString.ShouldBe("https://cos.ap-chengdu.myqcloud.com/");
    }

    [Theory]
    [InlineData("examplebucket")]
    [InlineData("ExampleBucket-1250000000")]
    [InlineData("example_bucket-1250000000")]
    [InlineData("examplebucket-12500000x0")]
    [InlineData("examplebucket-")]
    [InlineData("-1250000000")]
    [InlineData("a.b-1250000000")]
    [InlineData("")]
    public void Invalid_buckets_are_rejected(string bucket)
    {
        var error = Should.Throw<ArgumentException>(() => new CosEndpointResolver(new CosClientOptions()).ResolveBucket(bucket, "ap-guangzhou", "k", NoQuery));
        error.ParamName.ShouldBe("Bucket");
    }

    [Fact]
    public void Bucket_error_message_explains_the_format()
    {
        Should.Throw<ArgumentException>(() => new CosEndpointResolver(new CosClientOptions()).ResolveBucket("examplebucket", "ap-guangzhou", "k", NoQuery))
            .Message.ShouldContain("name-appid");
    }

    [Theory]
    [InlineData("AP-GUANGZHOU")]
    [InlineData("ap_guangzhou")]
    [InlineData("cos.ap-guangzhou")]
    [InlineData(null)]
    public void Invalid_or_missing_regions_are_rejected(string? region)
    {
        Should.Throw<ArgumentException>(() => Object(new CosClientOptions(), "k", region)).ParamName.ShouldBe("Region");
    }

    [Fact]
    public void Empty_key_is_rejected()
    {
        Should.Throw<ArgumentException>(() => Object(new CosClientOptions(), "")).ParamName.ShouldBe("Key");
    }

    [Fact]
    public void Valid_bucket_names()
    {
        CosNames.IsValidBucket("a-1").ShouldBeTrue();
        CosNames.IsValidBucket("my-bucket-2-1250000000").ShouldBeTrue();
    }
}
