using Cos.Generated.Credentials;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Options;

public class CosClientOptionsTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Defaults_match_the_javascript_sdk()
    {
        // Values from cos-protocol.md §2 (cos.js defaultOptions), written out independently.
        var options = new CosClientOptions();
        options.FileParallelLimit.ShouldBe(3);
        options.ChunkParallelLimit.ShouldBe(3);
        options.ChunkRetryTimes.ShouldBe(2);
        options.ChunkSize.ShouldBe(1048576);
        options.SliceSize.ShouldBe(1048576);
        options.CopyChunkParallelLimit.ShouldBe(20);
        options.CopyChunkSize.ShouldBe(10485760);
        options.CopySliceSize.ShouldBe(10485760);
        options.ProgressInterval.ShouldBe(TimeSpan.FromMilliseconds(1000));
        options.UploadQueueSize.ShouldBe(10000); // the browser SDK's value (Node: 1000)
        options.Protocol.ShouldBe("https");
        options.Domain.ShouldBeNull();
        options.ServiceDomain.ShouldBeNull();
        options.UseAccelerate.ShouldBeFalse();
        options.ForcePathStyle.ShouldBeFalse();
        options.UploadCheckContentMd5.ShouldBeFalse();
        options.CorrectClockSkew.ShouldBeTrue();
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(100)); // JS Timeout 0 = none; ours is HttpClient's 100 s, so no wait is unbounded
        options.SignatureExpires.ShouldBe(TimeSpan.FromSeconds(900));
        options.EnableTracker.ShouldBeFalse();
        options.MaxRetries.ShouldBe(3); // 4 attempts, like the SDKs
        options.SecretId.ShouldBeNull();
        options.SecretKey.ShouldBeNull();
        options.SecurityToken.ShouldBeNull();
        options.CredentialProvider.ShouldBeNull();
        options.TimeProvider.ShouldBe(TimeProvider.System);
        options.Validate();
    }

    public static TheoryData<string, CosClientOptions> InvalidOptions => new()
    {
        { "SecretKey", new CosClientOptions { SecretId = "AKID" } },
        { "SecretId", new CosClientOptions { SecretKey = "key" } },
        { "CredentialProvider", new CosClientOptions { SecretId = "AKID", SecretKey = "k", CredentialProvider = new StaticCredentialProvider("a", "b") } },
        { "SecurityToken", new CosClientOptions { SecurityToken = "token" } },
        { "Region", new CosClientOptions { Region = "AP-Guangzhou" } },
        { "Region", new CosClientOptions { Region = "cos.ap-guangzhou" } },
        { "Region", new CosClientOptions { Region = "" } },
        { "FileParallelLimit", new CosClientOptions { FileParallelLimit = 0 } },
        { "FileParallelLimit", new CosClientOptions { FileParallelLimit = 257 } },
        { "ChunkParallelLimit", new CosClientOptions { ChunkParallelLimit = 0 } },
        { "ChunkParallelLimit", new CosClientOptions { ChunkParallelLimit = 257 } },
        { "CopyChunkParallelLimit", new CosClientOptions { CopyChunkParallelLimit = 0 } },
        { "ChunkRetryTimes", new CosClientOptions { ChunkRetryTimes = -1 } },
        { "ChunkSize", new CosClientOptions { ChunkSize = MiB - 1 } },
        { "ChunkSize", new CosClientOptions { ChunkSize = 5 * 1024 * MiB + 1 } },
        { "CopyChunkSize", new CosClientOptions { CopyChunkSize = MiB - 1 } },
        { "CopyChunkSize", new CosClientOptions { CopyChunkSize = 5 * 1024 * MiB + 1 } },
        { "SliceSize", new CosClientOptions { SliceSize = 0 } },
        { "CopySliceSize", new CosClientOptions { CopySliceSize = 0 } },
        { "CopySliceSize", new CosClientOptions { CopySliceSize = 5 * 1024 * MiB + 1 } },
        { "UploadQueueSize", new CosClientOptions { UploadQueueSize = 0 } },
        { "MaxRetries", new CosClientOptions { MaxRetries = -1 } },
        { "MaxRetries", new CosClientOptions { MaxRetries = 21 } },
        { "ProgressInterval", new CosClientOptions { ProgressInterval = TimeSpan.FromSeconds(-1) } },
        { "Protocol", new CosClientOptions { Protocol = "ftp" } },
        { "Protocol", new CosClientOptions { Protocol = "" } },
        { "Domain", new CosClientOptions { Domain = "" } },
        { "Domain", new CosClientOptions { Domain = "a b.example.com" } },
        { "ServiceDomain", new CosClientOptions { ServiceDomain = " " } },
        { "Timeout", new CosClientOptions { Timeout = TimeSpan.Zero } },
        { "Timeout", new CosClientOptions { Timeout = TimeSpan.FromSeconds(-5) } },
        { "SignatureExpires", new CosClientOptions { SignatureExpires = TimeSpan.Zero } },
        { "RetryDelay", new CosClientOptions { RetryDelay = TimeSpan.FromMilliseconds(-1) } },
        { "MaxRetryDelay", new CosClientOptions { RetryDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromSeconds(1) } },
        { "ConnectTo", new CosClientOptions { ConnectTo = "127.0.0.1:0" } },
        { "ConnectTo", new CosClientOptions { ConnectTo = "127.0.0.1:70000" } },
        { "ConnectTo", new CosClientOptions { ConnectTo = "127.0.0.1:port" } },
        { "ConnectTo", new CosClientOptions { ConnectTo = "[::1" } },
        { "ConnectTo", new CosClientOptions { ConnectTo = "" } },
        { "TimeProvider", new CosClientOptions { TimeProvider = null! } },
        { "UserAgent", new CosClientOptions { UserAgent = "" } },
        { "UserAgent", new CosClientOptions { UserAgent = "bad\nagent" } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_names_the_broken_option(string option, CosClientOptions options)
    {
        var error = Should.Throw<ArgumentException>(options.Validate);
        error.ParamName.ShouldBe(option);
        error.Message.ShouldContain(option);
    }

    [Fact]
    public void Client_constructor_validates()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new CosClient(new CosClientOptions { ChunkSize = 1 })).ParamName.ShouldBe("ChunkSize");
    }

    [Theory]
    [InlineData("http")]
    [InlineData("http:")]
    [InlineData("https")]
    [InlineData("https:")]
    [InlineData("HTTPS:")]
    public void Protocol_accepts_http_and_https_with_or_without_colon(string protocol)
    {
        new CosClientOptions { Protocol = protocol }.Validate();
        CosClientOptions.NormalizeProtocol(protocol).ShouldBe(protocol.TrimEnd(':').ToLowerInvariant());
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:8080")]
    [InlineData("localhost:1")]
    [InlineData("cos.example.com:65535")]
    [InlineData("[::1]:443")]
    [InlineData("::1")]
    public void ConnectTo_accepts_host_and_port_forms(string connectTo) => new CosClientOptions { ConnectTo = connectTo }.Validate();

    [Fact]
    public void Boundary_values_are_accepted()
    {
        new CosClientOptions
        {
            ChunkSize = MiB,
            CopyChunkSize = 5 * 1024 * MiB,
            ChunkParallelLimit = 256,
            FileParallelLimit = 1,
            ChunkRetryTimes = 0,
            MaxRetries = 0,
            RetryDelay = TimeSpan.Zero,
            MaxRetryDelay = TimeSpan.Zero,
            ProgressInterval = TimeSpan.Zero,
            Timeout = TimeSpan.FromMilliseconds(1),
            Region = "ap-beijing-1",
            Domain = "{Bucket}.cdn.example.com",
        }.Validate();
    }

    [Fact]
    public void ToString_never_reveals_the_secret_key_or_token()
    {
        var options = new CosClientOptions { SecretId = "AKIDvisible", SecretKey = "super-secret-key", SecurityToken = "session-token-value", Region = "ap-guangzhou" };
        var text = options.ToString();
        text.ShouldContain("AKIDvisible");
        text.ShouldContain("ap-guangzhou");
        text.ShouldNotContain("super-secret-key");
        text.ShouldNotContain("session-token-value");
        text.ShouldContain("SecretKey = ***");
    }

    [Fact]
    public void Credentials_ToString_redacts_key_and_token()
    {
        var credentials = new CosCredentials("AKIDvisible", "super-secret-key", "session-token-value");
        credentials.ToString().ShouldNotContain("super-secret-key");
        credentials.ToString().ShouldNotContain("session-token-value");
        credentials.ToString().ShouldContain("AKIDvisible");
        new StaticCredentialProvider(credentials).ToString().ShouldNotContain("super-secret-key");
    }

    [Fact]
    public void Credentials_require_id_and_key_and_an_ordered_window()
    {
        Should.Throw<ArgumentException>(() => new CosCredentials("", "k"));
        Should.Throw<ArgumentException>(() => new CosCredentials("id", ""));
        var now = DateTimeOffset.UtcNow;
        Should.Throw<ArgumentException>(() => new CosCredentials("id", "k", "t", now, now.AddSeconds(-1)));
    }

    [Fact]
    public void Injected_client_cannot_use_ConnectTo()
    {
        using var http = new HttpClient();
        Should.Throw<ArgumentException>(() => new CosClient(new CosClientOptions { ConnectTo = "127.0.0.1:1" }, http));
    }

    [Fact]
    public void A_with_expression_derives_a_variant_and_leaves_the_original_alone()
    {
        var original = new CosClientOptions { SecretId = "AKIDX", SecretKey = "SECRETX", Region = "ap-guangzhou" };

        var variant = original with { Region = "ap-beijing", ChunkParallelLimit = 8 };

        variant.Region.ShouldBe("ap-beijing");
        variant.ChunkParallelLimit.ShouldBe(8);
        variant.SecretKey.ShouldBe("SECRETX");
        original.Region.ShouldBe("ap-guangzhou");
        original.ChunkParallelLimit.ShouldBe(3);
        variant.ToString().ShouldNotContain("SECRETX");
    }
}
