using System.Security.Cryptography;
using System.Text;

namespace Cos.Emulator.Tests;

/// <summary>
/// Configuration documents our client would not send (it checks the spec's ranges first), sent raw: the emulator's
/// Validate hooks answer COS's errors, and a refused document leaves nothing stored. The empty logging root, which
/// the Node SDK sends as <c>&lt;BucketLoggingStatus&gt;&lt;/BucketLoggingStatus&gt;</c>, turns logging off.
/// </summary>
public sealed class ConfigurationValidationTests
{
    [Theory]
    [InlineData("lifecycle", "<LifecycleConfiguration><Rule><ID>a</ID><Filter/><Status>Enabled</Status><Transition><Days>30</Days><Date>2030-01-01T00:00:00+08:00</Date><StorageClass>ARCHIVE</StorageClass></Transition></Rule></LifecycleConfiguration>", 400, "InvalidArgument")]
    [InlineData("lifecycle", "<LifecycleConfiguration><Rule><ID>a</ID><Status>Enabled</Status><Expiration><Days>-1</Days></Expiration></Rule></LifecycleConfiguration>", 400, "InvalidArgument")]
    [InlineData("lifecycle", "<LifecycleConfiguration><Rule><ID>a</ID><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule><Rule><ID>a</ID><Status>Enabled</Status><Expiration><Days>2</Days></Expiration></Rule></LifecycleConfiguration>", 400, "InvalidArgument")]
    [InlineData("lifecycle", "<LifecycleConfiguration><Rule><ID>a</ID><Status>On</Status><Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>", 400, "MalformedXML")]
    [InlineData("lifecycle", "<LifecycleConfiguration><Rule><ID>a</ID><Status>Enabled</Status><Transition><Days>1</Days><StorageClass>COLD</StorageClass></Transition></Rule></LifecycleConfiguration>", 400, "InvalidArgument")]
    [InlineData("lifecycle", "<LifecycleConfiguration></LifecycleConfiguration>", 400, "MalformedXML")]
    [InlineData("origin", "<OriginConfiguration><OriginRule><RulePriority>0</RulePriority><OriginType>Mirror</OriginType><OriginCondition><HTTPStatusCode>404</HTTPStatusCode></OriginCondition><OriginParameter/><OriginInfo><HostInfo><HostName>a.example.com</HostName></HostInfo></OriginInfo></OriginRule></OriginConfiguration>", 400, "InvalidArgument")]
    [InlineData("origin", "<OriginConfiguration><OriginRule><RulePriority>1</RulePriority><OriginType>Mirror</OriginType></OriginRule></OriginConfiguration>", 400, "MalformedXML")]
    [InlineData("domain", "<DomainConfiguration><DomainRule><Status>ENABLED</Status><Name>www.example.com</Name><Type>REST</Type></DomainRule><DomainRule><Status>ENABLED</Status><Name>WWW.example.com</Name><Type>WEBSITE</Type></DomainRule></DomainConfiguration>", 400, "InvalidArgument")]
    [InlineData("domain", "<DomainConfiguration><DomainRule><Status>ON</Status><Name>www.example.com</Name><Type>REST</Type></DomainRule></DomainConfiguration>", 400, "MalformedXML")]
    [InlineData("domain", "<DomainConfiguration><DomainRule><Status>ENABLED</Status><Type>REST</Type></DomainRule></DomainConfiguration>", 400, "MalformedXML")]
    [InlineData("logging", "<BucketLoggingStatus><LoggingEnabled><TargetBucket>nosuchbucket-1250000000</TargetBucket></LoggingEnabled></BucketLoggingStatus>", 400, "InvalidTargetBucketForLogging")]
    [InlineData("accelerate", "<AccelerateConfiguration><Status>Disabled</Status></AccelerateConfiguration>", 400, "MalformedXML")]
    public async Task A_document_COS_refuses_is_refused_and_not_stored(string sub, string xml, int status, string code)
    {
        await using var cos = await Emulators.StartAsync();

        var (answer, body, _) = await PutAsync(cos, sub, xml);

        answer.ShouldBe(status, body);
        body.ShouldContain($"<Code>{code}</Code>");
        var (getStatus, getBody, _) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Get, "/?" + sub));
        if (sub is "lifecycle" or "origin" or "domain")
        {
            getStatus.ShouldBe(404, getBody);
        }
        else
        {
            getStatus.ShouldBe(200, getBody);
            getBody.ShouldNotContain("<Status>");
            getBody.ShouldNotContain("<LoggingEnabled>");
        }
    }

    [Fact]
    public async Task The_empty_logging_root_the_Node_SDK_sends_turns_logging_off()
    {
        await using var cos = await Emulators.StartAsync();
        (await PutAsync(cos, "logging", $"<BucketLoggingStatus><LoggingEnabled><TargetBucket>{Emulators.Bucket}</TargetBucket></LoggingEnabled></BucketLoggingStatus>")).Status.ShouldBe(200);

        (await PutAsync(cos, "logging", "<BucketLoggingStatus></BucketLoggingStatus>")).Status.ShouldBe(200);

        var (status, body, _) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Get, "/?logging"));
        status.ShouldBe(200);
        body.ShouldContain("BucketLoggingStatus");
        body.ShouldNotContain("LoggingEnabled");
    }

    private static Task<(int Status, string Body, HttpResponseMessage Response)> PutAsync(CosEmulator cos, string sub, string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/xml", ["Content-MD5"] = Convert.ToBase64String(MD5.HashData(bytes)) };
        return RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Put, "/?" + sub, bytes, headers));
    }
}
