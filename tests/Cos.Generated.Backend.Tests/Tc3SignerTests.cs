using System.Text;
using Cos.Generated.Backend.Signing;

namespace Cos.Generated.Backend.Tests;

/// <summary>
/// TC3-HMAC-SHA256 against Tencent Cloud's "Signature v3" document: CVM DescribeInstances in ap-guangzhou at
/// X-TC-Timestamp 1551113065. The values below are copied from the document, not from this code's output.
/// </summary>
public sealed class Tc3SignerTests
{
    private const string ContentType = "application/json; charset=utf-8";
    private const string Host = "cvm.tencentcloudapi.com";
    private const long Timestamp = 1551113065;

    // The document's edition whose example key is given in full (SecretId AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE,
    // SecretKey Gu5t9xGARNpq86cd98joQYCN3EXAMPLE); its payload carries the instance name as \u escapes, verbatim.
    private const string DocSecretId = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    private const string DocSecretKey = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    private const string DocPayload = """{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}""";

    private static Tc3SigningRequest DocumentedRequest(string payload = DocPayload) => new()
    {
        SecretId = DocSecretId,
        SecretKey = DocSecretKey,
        Service = "cvm",
        Timestamp = Timestamp,
        Headers = [new("Content-Type", ContentType), new("Host", Host)],
        Payload = Encoding.UTF8.GetBytes(payload),
    };

    [Fact]
    public void Documented_example_every_intermediate_and_the_Authorization()
    {
        var details = Tc3Signer.Explain(DocumentedRequest());

        details.HashedRequestPayload.ShouldBe("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        details.CanonicalRequest.ShouldBe(
            "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n"
            + "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        details.SignedHeaders.ShouldBe("content-type;host");
        details.HashedCanonicalRequest.ShouldBe("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
        details.CredentialScope.ShouldBe("2019-02-25/cvm/tc3_request");
        details.StringToSign.ShouldBe("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
        details.Signature.ShouldBe("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
        details.Authorization.ShouldBe(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
            + "SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
        Tc3Signer.GetAuthorization(DocumentedRequest()).ShouldBe(details.Authorization);
    }

    [Fact]
    public void Current_documented_example_with_a_masked_key_matches_up_to_the_string_to_sign()
    {
        // The current edition masks its key (********), so its signature a7b85514... cannot be reproduced; the
        // intermediates before the key is used can.
        var details = Tc3Signer.Explain(DocumentedRequest("""{"Limit": 1, "Filters": [{"Values": ["unnamed"], "Name": "instance-name"}]}"""));

        details.HashedRequestPayload.ShouldBe("99d58dfbc6745f6747f36bfca17dee5e6881dc0428a0a36f96199342bc5b4907");
        details.HashedCanonicalRequest.ShouldBe("2815843035062fffda5fd6f2a44ea8a34818b0dc46f024b8b3786976a3adda7a");
        details.StringToSign.ShouldBe("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n2815843035062fffda5fd6f2a44ea8a34818b0dc46f024b8b3786976a3adda7a");
    }

    [Fact]
    public void The_date_is_the_UTC_date_of_the_timestamp()
    {
        // 1551113065 is 2019-02-26 00:44:25 at UTC+8: the document's warning case.
        Tc3Signer.FormatDate(Timestamp).ShouldBe("2019-02-25");
        Tc3Signer.FormatDate(1551139200).ShouldBe("2019-02-26");
    }

    [Fact]
    public void Headers_are_lower_cased_trimmed_and_sorted_whatever_order_they_come_in()
    {
        var details = Tc3Signer.Explain(new Tc3SigningRequest
        {
            SecretId = DocSecretId,
            SecretKey = DocSecretKey,
            Service = "sts",
            Timestamp = Timestamp,
            Headers = [new("X-TC-Action", " GetFederationToken "), new("HOST", "sts.tencentcloudapi.com"), new("Content-Type", ContentType)],
        });

        details.CanonicalRequest.ShouldBe(
            "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:sts.tencentcloudapi.com\nx-tc-action:getfederationtoken\n\n"
            + "content-type;host;x-tc-action\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        details.CredentialScope.ShouldBe("2019-02-25/sts/tc3_request");
    }

    [Fact]
    public void Bad_input_is_a_clear_ArgumentException()
    {
        Should.Throw<ArgumentException>(() => Tc3Signer.Explain(new Tc3SigningRequest
        {
            SecretId = DocSecretId, SecretKey = DocSecretKey, Service = "cvm", Timestamp = Timestamp,
            Headers = [new("host", Host), new("Host", Host)],
        })).Message.ShouldContain("given twice");
        Should.Throw<ArgumentException>(() => Tc3Signer.Explain(new Tc3SigningRequest
        {
            SecretId = DocSecretId, SecretKey = string.Empty, Service = "cvm", Timestamp = Timestamp, Headers = [new("host", Host)],
        })).ParamName.ShouldBe("SecretKey");
    }

    [Fact]
    public void ToString_never_shows_the_secret_key()
    {
        var request = DocumentedRequest();
        request.ToString().ShouldNotContain(DocSecretKey);
        request.ToString().ShouldContain(DocSecretId);
        Tc3Signer.Explain(request).ToString().ShouldNotContain(DocSecretKey);
    }
}
