using System.Xml.Linq;

namespace Cos.Emulator.Tests;

/// <summary>
/// An unsigned request learns nothing but 403 AccessDenied: what it asks for (a sub-resource the emulator lacks, a
/// method no resource takes, a malformed bucket name or key) is judged only once the request is authenticated.
/// </summary>
public sealed class AuthenticationFirstTests : IAsyncLifetime
{
    private CosEmulator _cos = null!;

    public async Task InitializeAsync() => _cos = await Emulators.StartAsync();

    public async Task DisposeAsync() => await _cos.DisposeAsync();

    public static TheoryData<string, string, int, string> Requests => new()
    {
        { "GET", "/?intelligenttiering", 501, "NotImplemented" },
        { "PATCH", "/", 405, "MethodNotAllowed" },
        { "PATCH", "/key.txt", 405, "MethodNotAllowed" },
        { "PUT", "/key.txt?uploadId=1", 400, "InvalidArgument" },
        { "GET", "/" + new string('k', 851), 400, "KeyTooLong" },
        { "GET", "/?nosuchsubresource", 200, "" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Unsigned_requests_are_AccessDenied_whatever_they_ask(string method, string target, int signedStatus, string signedCode)
    {
        var (status, code) = await SendAsync(method, target, sign: false);
        status.ShouldBe(403);
        code.ShouldBe("AccessDenied");

        (status, code) = await SendAsync(method, target, sign: true);
        status.ShouldBe(signedStatus);
        code.ShouldBe(signedCode);
    }

    [Fact]
    public async Task An_invalid_bucket_name_is_judged_after_authentication()
    {
        const string host = "127.0.0.1";
        var (status, body, _) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Get, "/Not_A_Bucket/key", host: host, sign: false));
        status.ShouldBe(403);
        XDocument.Parse(body).Root!.Element("Code")!.Value.ShouldBe("AccessDenied");

        (status, body, _) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Get, "/Not_A_Bucket/key", host: host));
        status.ShouldBe(400);
        XDocument.Parse(body).Root!.Element("Code")!.Value.ShouldBe("InvalidBucketName");
    }

    [Fact]
    public async Task Only_a_real_preflight_goes_unauthenticated()
    {
        var headers = new Dictionary<string, string> { ["Origin"] = "https://app.example.com", ["Access-Control-Request-Method"] = "GET" };
        var preflight = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Options, "/key.txt", headers: headers, sign: false));
        // No CORS rule allows it: the preflight itself answers (COS's CORS 403), not the authenticator.
        preflight.Status.ShouldBe(403);
        preflight.Body.ShouldContain("CORSResponse");

        var (status, code) = await SendAsync("OPTIONS", "/key.txt", sign: false);
        status.ShouldBe(403);
        code.ShouldBe("AccessDenied");
        (status, code) = await SendAsync("OPTIONS", "/key.txt", sign: true);
        status.ShouldBe(400, "a signed OPTIONS without Origin is a preflight missing its headers");
        code.ShouldBe("InvalidRequest");
    }

    /// <summary>The status and the error code (empty for a success).</summary>
    private async Task<(int Status, string Code)> SendAsync(string method, string target, bool sign)
    {
        var (status, body, _) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, new HttpMethod(method), target, sign: sign));
        return (status, status < 300 ? string.Empty : XDocument.Parse(body).Root!.Element("Code")!.Value);
    }
}
