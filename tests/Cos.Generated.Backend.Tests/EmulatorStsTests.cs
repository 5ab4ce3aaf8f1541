using System.Globalization;
using System.Text;
using System.Text.Json;
using Cos.Emulator;
using Cos.Generated.Backend.Policy;
using Cos.Generated.Backend.Signing;
using Cos.Generated.Backend.Sts;
using static Cos.Generated.Backend.Tests.Emulators;

namespace Cos.Generated.Backend.Tests;

/// <summary>
/// The emulator's STS seen from the wire: correctly signed requests it must still refuse, and tampering after signing.
/// Requests are signed here with <see cref="Tc3Signer"/> (pinned to Tencent's documented example) and sent raw.
/// </summary>
public sealed class EmulatorStsTests
{
    private const string StsHost = "sts.tencentcloudapi.com";

    private static string EncodedPolicy => Uri.EscapeDataString(CosPolicy.AllowKeyPrefix(Region, Bucket, "photos/", CosActions.PutObject).ToJson());

    private static async Task<JsonElement> SendAsync(CosEmulator cos, ManualClock clock, string body, string action = "GetFederationToken", string version = "2018-08-13", string? sentBody = null)
    {
        var timestamp = clock.Now.ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes(body);
        var authorization = Tc3Signer.GetAuthorization(new Tc3SigningRequest
        {
            SecretId = cos.SecretId,
            SecretKey = cos.SecretKey,
            Service = "sts",
            Timestamp = timestamp,
            Headers = [new("content-type", "application/json; charset=utf-8"), new("host", StsHost)],
            Payload = payload,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://{StsHost}/") { Content = new ByteArrayContent(sentBody is null ? payload : Encoding.UTF8.GetBytes(sentBody)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.Add("X-TC-Action", action);
        request.Headers.Add("X-TC-Version", version);
        request.Headers.Add("X-TC-Region", Region);
        request.Headers.Add("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        using var http = Raw(cos);
        using var response = await http.SendAsync(request);
        ((int)response.StatusCode).ShouldBe(200);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("Response").Clone();
    }

    private static string? ErrorCode(JsonElement response) =>
        response.TryGetProperty("Error", out var error) ? error.GetProperty("Code").GetString() : null;

    [Fact]
    public async Task A_signed_request_gets_credentials_in_the_documented_shape()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);

        var response = await SendAsync(cos, clock, $$"""{"Name":"raw","Policy":"{{EncodedPolicy}}","DurationSeconds":900}""");

        ErrorCode(response).ShouldBeNull();
        response.GetProperty("Credentials").GetProperty("TmpSecretId").GetString().ShouldStartWith("AKID");
        response.GetProperty("Credentials").GetProperty("TmpSecretKey").GetString().ShouldNotBeNullOrEmpty();
        response.GetProperty("Credentials").GetProperty("Token").GetString().ShouldNotBeNullOrEmpty();
        response.GetProperty("ExpiredTime").GetInt64().ShouldBe(Start.ToUnixTimeSeconds() + 900);
        response.GetProperty("Expiration").GetString().ShouldBe("2025-03-01T08:15:00Z");
        response.GetProperty("RequestId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_AuthFailure_SignatureFailure()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        var body = $$"""{"Name":"raw","Policy":"{{EncodedPolicy}}","DurationSeconds":900}""";

        var response = await SendAsync(cos, clock, body, sentBody: body.Replace("900", "7200", StringComparison.Ordinal));

        ErrorCode(response).ShouldBe("AuthFailure.SignatureFailure");
    }

    [Theory]
    [InlineData("""{"Name":"raw","Policy":"{\"version\":\"2.0\",\"statement\":[]}"}""", "InvalidParameter")]
    [InlineData("""{"Name":"raw","Policy":"%7B%22statement%22%3A%5B%5D%7D"}""", "InvalidParameter")]
    [InlineData("""{"Name":"raw"}""", "MissingParameter")]
    [InlineData("""{"Policy":"%7B%7D"}""", "MissingParameter")]
    [InlineData("""{"Name":"raw","Policy":"%7B%7D","DurationSeconds":0}""", "InvalidParameterValue")]
    [InlineData("""{"Name":"raw","Policy":"%7B%7D","DurationSeconds":129601}""", "InvalidParameterValue")]
    [InlineData("not json", "InvalidParameter")]
    public async Task Invalid_parameters_get_their_API_error_codes(string body, string code)
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);

        ErrorCode(await SendAsync(cos, clock, body)).ShouldBe(code);
    }

    [Fact]
    public async Task Other_actions_and_versions_are_refused()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        var body = $$"""{"Name":"raw","Policy":"{{EncodedPolicy}}"}""";

        ErrorCode(await SendAsync(cos, clock, body, action: "AssumeRole")).ShouldBe("InvalidAction");
        ErrorCode(await SendAsync(cos, clock, body, version: "2017-01-01")).ShouldBe("NoSuchVersion");
    }

    [Fact]
    public async Task A_copy_needs_GetObject_on_its_source_as_well_as_PutObject_on_its_destination()
    {
        var clock = new ManualClock(Start);
        await using var cos = await StartAsync(clock);
        using var admin = Admin(cos, clock);
        await admin.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "docs/source.txt", Body = new MemoryStream("source"u8.ToArray()) });
        using var http = Raw(cos);
        using var sts = StsClient(cos, http, clock);
        var copySource = $"{Host}/docs/source.txt";

        var putOnly = await sts.GetFederationTokenAsync(new CosFederationTokenRequest { Policy = CosPolicy.AllowKeyPrefix(Region, Bucket, "photos/", CosActions.PutObject) });
        using (var client = Client(cos, putOnly, clock))
        {
            var error = await Should.ThrowAsync<CosException>(() => client.PutObjectCopyAsync(new PutObjectCopyRequest { Bucket = Bucket, Key = "photos/copy.txt", CopySource = copySource }));
            error.ErrorCode.ShouldBe("AccessDenied");
        }

        var both = await sts.GetFederationTokenAsync(new CosFederationTokenRequest
        {
            Policy = CosPolicy.CreateBuilder()
                .AllowKeyPrefix(Region, Bucket, "photos/", CosActions.PutObject)
                .AllowKeyPrefix(Region, Bucket, "docs/", CosActions.GetObject)
                .Build(),
        });
        using (var client = Client(cos, both, clock))
        {
            await client.PutObjectCopyAsync(new PutObjectCopyRequest { Bucket = Bucket, Key = "photos/copy.txt", CopySource = copySource });
        }

        (await admin.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "photos/copy.txt" })).ContentLength.ShouldBe(6);
    }
}
