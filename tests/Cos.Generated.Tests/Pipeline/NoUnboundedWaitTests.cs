using System.Diagnostics;
using Cos.Generated.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using static Cos.Generated.Tests.Infrastructure.TestClients;

namespace Cos.Generated.Tests.Pipeline;

/// <summary>
/// No call waits forever: a server that never answers, answers nothing after taking an upload, or drips a byte at a
/// time is given up on within the documented bound (Timeout, StallTimeout, MinimumThroughput), with a typed error.
/// </summary>
public sealed class NoUnboundedWaitTests
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(1);

    /// <summary>Far above the bound under test (a few stall timeouts); reaching it means the call hung.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public void The_defaults_bound_every_wait()
    {
        var options = new CosClientOptions();
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(100)); // HttpClient's default
        options.StallTimeout.ShouldBe(TimeSpan.FromSeconds(60));
        options.MinimumThroughput.ShouldBe(1024);
    }

    [Fact]
    public async Task A_server_that_never_answers_ends_a_listing_within_the_stall_timeout()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = NeverAnswer;
        using var client = Create(server, stallTimeout: Stall, maxRetries: 1);

        var clock = Stopwatch.StartNew();
        var error = await Should.ThrowAsync<TimeoutException>(() => client.GetBucketAsync(new GetBucketRequest { Bucket = Bucket }).WaitAsync(HangGuard));

        error.ShouldNotBeOfType<CosStallTimeoutException>();
        error.Message.ShouldContain("no response within 1 s");
        server.Requests.Count.ShouldBe(2); // retried once: a listing is read-only
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_client_Timeout_bounds_the_wait_for_headers_when_it_is_the_shorter()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = NeverAnswer;
        using var client = Create(server, timeout: TimeSpan.FromMilliseconds(700), stallTimeout: TimeSpan.FromMinutes(5), maxRetries: 0);

        var error = await Should.ThrowAsync<TimeoutException>(() => client.HeadBucketAsync(new HeadBucketRequest { Bucket = Bucket }).WaitAsync(HangGuard));

        error.Message.ShouldContain("no response within 0.7 s");
    }

    [Fact]
    public async Task An_upload_the_server_took_but_never_answered_ends_within_the_stall_timeout()
    {
        // 1 MiB fits the socket buffers: the "server stopped reading" guard cannot fire, only the header wait can.
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = NeverAnswer;
        using var client = Create(server, stallTimeout: Stall, maxRetries: 0);
        var body = new byte[1024 * 1024];

        var clock = Stopwatch.StartNew();
        await Should.ThrowAsync<TimeoutException>(() => client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "never.bin", Body = new MemoryStream(body) }).WaitAsync(HangGuard));

        server.Requests.ShouldHaveSingleItem().Body.Length.ShouldBe(body.Length); // it was all sent; only the answer never came
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Per_call_options_override_the_client_timeouts_and_retries()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = NeverAnswer;
        using var client = Create(server, stallTimeout: TimeSpan.FromMinutes(5), maxRetries: 3);

        var error = await Should.ThrowAsync<TimeoutException>(() => client.GetBucketAsync(new GetBucketRequest
        {
            Bucket = Bucket,
            RequestOptions = new CosRequestOptions { StallTimeout = TimeSpan.FromMilliseconds(500), MaxRetries = 0 },
        }).WaitAsync(HangGuard));

        error.Message.ShouldContain("no response within 0.5 s");
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_response_body_dripping_bytes_is_cut_below_the_minimum_throughput()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength = 1_000_000;
            await context.Response.Body.FlushAsync(context.RequestAborted);
            while (!context.RequestAborted.IsCancellationRequested)
            {
                // 10 bytes every 100 ms: each read returns well within the stall timeout, but 100 B/s is below 1 KiB/s.
                await context.Response.Body.WriteAsync(new byte[10], context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(100, context.RequestAborted);
            }
        };
        using var client = Create(server, stallTimeout: Stall, maxRetries: 0);

        using var response = await client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "drip.bin" }).WaitAsync(HangGuard);
        var clock = Stopwatch.StartNew();
        var error = await Should.ThrowAsync<CosStallTimeoutException>(() => response.Body.CopyToAsync(Stream.Null).WaitAsync(HangGuard));

        error.IsRequestBody.ShouldBeFalse();
        error.BytesTransferred.ShouldBeInRange(10, 1_000); // some bytes moved: it was slow, not silent
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_slow_but_steady_body_above_the_minimum_is_not_cut()
    {
        await using var server = await ScriptedServer.StartAsync();
        const int size = 80_000;
        server.Fallback = async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength = size;
            for (var sent = 0; sent < size; sent += 4_000)
            {
                // 4 KB every 100 ms (40 KB/s) for two seconds: above 1 KiB/s over every one-second window.
                await context.Response.Body.WriteAsync(new byte[4_000], context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(100, context.RequestAborted);
            }
        };
        using var client = Create(server, stallTimeout: Stall, maxRetries: 0);

        using var response = await client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "steady.bin" }).WaitAsync(HangGuard);
        using var copy = new MemoryStream();
        await response.Body.CopyToAsync(copy).WaitAsync(HangGuard);

        copy.Length.ShouldBe(size);
    }

    /// <summary>Reads the whole request, then holds it without a status line until the client gives up.</summary>
    private static async Task NeverAnswer(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client closed the connection: what the test waits for.
        }
    }
}
