using Cos.Generated.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Pipeline;

public class PipelineClockSkewTests
{
    private const string SkewBody = "<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the server's time is too large.</Message></Error>";

    private static Task SkewedServer(HttpContext context, DateTimeOffset serverNow, string body = SkewBody) =>
        ScriptedServer.Respond(context, 403, body, new Dictionary<string, string> { ["Date"] = serverNow.ToString("r") });

    [Fact]
    public async Task Skew_is_learnt_from_the_Date_header_and_the_request_re_signed_once()
    {
        await using var server = await ScriptedServer.StartAsync();
        var serverNow = DateTimeOffset.UtcNow.AddHours(1);
        server.Enqueue(context => SkewedServer(context, serverNow));
        using var client = TestClients.Create(server);

        (await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None)).ShouldBe(200);

        var requests = server.Requests;
        requests.Count.ShouldBe(2);
        var retry = SignatureVerifier.ParseAuthorization(requests[1].Header("Authorization")!);
        var signStart = long.Parse(retry["q-sign-time"].Split(';')[0]);
        Math.Abs(signStart - serverNow.ToUnixTimeSeconds()).ShouldBeLessThan(10);
        SignatureVerifier.Recompute(requests[1], TestClients.SecretId, TestClients.SecretKey).ShouldBe(requests[1].Header("Authorization"));

        // Later requests of the same client use the corrected clock straight away.
        await client.Pipeline.SendAsync(TestClients.Get("k2"), TestClients.Status, CancellationToken.None);
        var later = SignatureVerifier.ParseAuthorization(server.Requests[2].Header("Authorization")!);
        Math.Abs(long.Parse(later["q-sign-time"].Split(';')[0]) - serverNow.ToUnixTimeSeconds()).ShouldBeLessThan(10);
        server.Requests[2].Header("x-cos-sdk-retry").ShouldBeNull();
    }

    [Fact]
    public async Task Skew_correction_happens_only_once_per_call()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = context => SkewedServer(context, DateTimeOffset.UtcNow.AddHours(1));
        using var client = TestClients.Create(server);

        var error = await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None));

        error.ErrorCode.ShouldBe("RequestTimeTooSkewed");
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Expired_access_denied_also_triggers_correction()
    {
        await using var server = await ScriptedServer.StartAsync();
        var serverNow = DateTimeOffset.UtcNow.AddMinutes(-40);
        server.Enqueue(context => SkewedServer(context, serverNow, "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"));
        using var client = TestClients.Create(server);

        await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None);

        server.Requests.Count.ShouldBe(2);
        var retry = SignatureVerifier.ParseAuthorization(server.Requests[1].Header("Authorization")!);
        Math.Abs(long.Parse(retry["q-sign-time"].Split(';')[0]) - serverNow.ToUnixTimeSeconds()).ShouldBeLessThan(10);
    }

    [Fact]
    public async Task Correction_can_be_turned_off()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = context => SkewedServer(context, DateTimeOffset.UtcNow.AddHours(1));
        using var client = new CosClient(new CosClientOptions
        {
            SecretId = TestClients.SecretId,
            SecretKey = TestClients.SecretKey,
            Region = TestClients.Region,
            Protocol = "http",
            ConnectTo = $"127.0.0.1:{server.Port}",
            CorrectClockSkew = false,
        });

        await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None));
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Injected_TimeProvider_is_the_signing_clock()
    {
        await using var server = await ScriptedServer.StartAsync();
        var fixedNow = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        using var client = TestClients.Create(server, timeProvider: new FixedTimeProvider(fixedNow));

        await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None);

        SignatureVerifier.ParseAuthorization(server.Requests.Single().Header("Authorization")!)["q-sign-time"].ShouldBe("1699999999;1700000899");
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
