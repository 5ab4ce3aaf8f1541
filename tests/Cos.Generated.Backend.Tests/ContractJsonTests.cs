using System.Text.Json;
using Cos.Generated.Backend.Contracts;

namespace Cos.Generated.Backend.Tests;

/// <summary>The JSON a browser sends and reads, in the shapes the cos-js-sdk-v5 samples use.</summary>
public sealed class ContractJsonTests
{
    [Fact]
    public void A_sign_request_reads_numbers_and_booleans_as_text()
    {
        const string json = """
            {"method":"PUT","pathname":"/photos/a.jpg",
             "query":{"partNumber":1,"uploadId":"1585130821cbb7df1d11846c073ad648e8f33b087cec2381df437acdc833cf654b9ecc6361"},
             "headers":{"Host":"examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com","Content-Length":12,"x-cos-forbid-overwrite":true,"x-empty":null}}
            """;

        var request = JsonSerializer.Deserialize(json, CosBackendJsonContext.Default.CosSignRequest)!;

        request.Method.ShouldBe("PUT");
        request.Pathname.ShouldBe("/photos/a.jpg");
        request.Query!["partNumber"].ShouldBe("1");
        request.Headers!["Content-Length"].ShouldBe("12");
        request.Headers["x-cos-forbid-overwrite"].ShouldBe("true");
        request.Headers["x-empty"].ShouldBeNull();
    }

    [Fact]
    public void A_nested_value_in_the_query_is_a_JsonException() =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize("""{"method":"GET","query":{"a":{"b":1}}}""", CosBackendJsonContext.Default.CosSignRequest));

    [Fact]
    public void A_sign_response_has_authorization_and_securityToken_only_when_there_is_one()
    {
        JsonSerializer.Serialize(new CosSignResponse { Authorization = "q-sign-algorithm=sha1", SecurityToken = "token" }, CosBackendJsonContext.Default.CosSignResponse)
            .ShouldBe("""{"authorization":"q-sign-algorithm=sha1","securityToken":"token"}""");
        JsonSerializer.Serialize(new CosSignResponse { Authorization = "a" }, CosBackendJsonContext.Default.CosSignResponse)
            .ShouldBe("""{"authorization":"a"}""");
    }

    [Fact]
    public void A_temporary_key_response_has_the_shape_the_JavaScript_SDK_samples_read()
    {
        var response = new CosTemporaryKeyResponse
        {
            Credentials = new CosTemporaryKeyCredentials { TmpSecretId = "AKIDtmp", TmpSecretKey = "tmp-secret", SessionToken = "token-value" },
            StartTime = 1700000000,
            ExpiredTime = 1700001800,
        };

        JsonSerializer.Serialize(response, CosBackendJsonContext.Default.CosTemporaryKeyResponse).ShouldBe(
            """{"credentials":{"tmpSecretId":"AKIDtmp","tmpSecretKey":"tmp-secret","sessionToken":"token-value"},"startTime":1700000000,"expiredTime":1700001800}""");
        response.ToString().ShouldNotContain("tmp-secret");
        response.ToString().ShouldNotContain("token-value");
        response.Credentials.ToString().ShouldNotContain("tmp-secret");
    }
}
