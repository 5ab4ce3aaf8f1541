using Cos.Generated.Tests.Infrastructure;
using Cos.Generated.Tests.Transfer;
using static Cos.Generated.Tests.Infrastructure.TestClients;

namespace Cos.Generated.Tests.Pipeline;

/// <summary>Per-call <see cref="CosRequestOptions"/>: extra headers, upload progress across retries, validation.</summary>
public sealed class RequestOptionsTests
{
    [Fact]
    public async Task Extra_headers_are_sent_and_signed_like_the_operations_own()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = Create(server);

        await client.HeadObjectAsync(new HeadObjectRequest
        {
            Bucket = Bucket,
            Key = "k",
            RequestOptions = new CosRequestOptions { Headers = [new("x-cos-traffic-limit", "819200"), new("Pic-Operations", "{\"rules\":[]}")] },
        });

        var sent = server.Requests.ShouldHaveSingleItem();
        sent.Header("x-cos-traffic-limit").ShouldBe("819200");
        sent.Header("Pic-Operations").ShouldBe("{\"rules\":[]}");
        var headerList = SignatureVerifier.ParseAuthorization(sent.Header("Authorization")!)["q-header-list"].Split(';');
        headerList.ShouldContain("x-cos-traffic-limit");
        headerList.ShouldContain("pic-operations");
        SignatureVerifier.Recompute(sent, SecretId, SecretKey).ShouldBe(sent.Header("Authorization"));
    }

    [Fact]
    public async Task Upload_progress_restarts_with_a_retry_and_ends_at_the_body_length()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(500, "<Error><Code>InternalError</Code></Error>");
        server.Enqueue(200);
        using var client = Create(server, maxRetries: 1);
        var body = new byte[3 * 1024 * 1024];
        var log = new UploadProgressLog();

        await client.PutObjectAsync(new PutObjectRequest
        {
            Bucket = Bucket,
            Key = "k",
            Body = new MemoryStream(body),
            RequestOptions = new CosRequestOptions { UploadProgress = log },
        });

        server.Requests.Count.ShouldBe(2);
        log.Reports.ShouldNotBeEmpty();
        log.Reports.ShouldAllBe(r => r.Loaded >= 0 && r.Loaded <= body.Length && r.Total == body.Length);
        log.Reports[^1].Loaded.ShouldBe(body.Length);
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(null, 0)]
    public async Task Out_of_range_options_are_refused_before_anything_is_sent(int? maxRetries, int? timeoutSeconds)
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = Create(server);

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => client.HeadObjectAsync(new HeadObjectRequest
        {
            Bucket = Bucket,
            Key = "k",
            RequestOptions = new CosRequestOptions { MaxRetries = maxRetries, Timeout = timeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : null },
        }));

        server.Requests.ShouldBeEmpty();
    }
}
