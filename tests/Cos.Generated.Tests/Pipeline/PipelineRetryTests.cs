using System.Diagnostics;
using System.Net.Sockets;
using Cos.Generated.Protocol;
using Cos.Generated.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Pipeline;

/// <summary>Which failures are retried, how often, and what the caller finally sees.</summary>
public class PipelineRetryTests
{
    [Fact]
    public async Task Read_only_operation_retries_500_and_503_then_succeeds()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(500, "<Error><Code>InternalError</Code><Message>oops</Message></Error>");
        server.Enqueue(503, "<Error><Code>ServiceUnavailable</Code></Error>");
        server.Enqueue(200, "<Result><Value>ok</Value></Result>");
        using var client = TestClients.Create(server);

        (await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.ReadValue, CancellationToken.None)).ShouldBe("ok");

        var requests = server.Requests;
        requests.Count.ShouldBe(3);
        requests[0].Header("x-cos-sdk-retry").ShouldBeNull();
        requests[1].Header("x-cos-sdk-retry").ShouldBe("true");
        requests[2].Header("x-cos-sdk-retry").ShouldBe("true");
        SignatureVerifier.ParseAuthorization(requests[1].Header("Authorization")!)["q-header-list"].ShouldBe("host;x-cos-sdk-retry");
        SignatureVerifier.Recompute(requests[1], TestClients.SecretId, TestClients.SecretKey).ShouldBe(requests[1].Header("Authorization"));
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_and_the_last_error_surfaces()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = context => ScriptedServer.Respond(context, 500, "<Error><Code>InternalError</Code></Error>", requestId: "last");
        using var client = TestClients.Create(server, maxRetries: 3);

        var error = await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None));

        error.StatusCode.ShouldBe(500);
        error.ErrorCode.ShouldBe("InternalError");
        error.RequestId.ShouldBe("last");
        server.Requests.Count.ShouldBe(4);
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public async Task An_error_code_the_operations_own_spec_marks_retryable_is_retried(bool consumerRule, int requests)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(400, "<Error><Code>TryAgainLater</Code></Error>");
        server.Enqueue(200);
        using var client = TestClients.Create(server, maxRetries: 1);
        var request = new CosHttpRequest("ConsumerOp", HttpMethod.Get, CosOperationSafety.ReadOnly)
        {
            Bucket = TestClients.Bucket,
            Key = "k",
            IsRetryableErrorCode = consumerRule ? static code => code == "TryAgainLater" : null,
        };

        if (consumerRule)
        {
            (await client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None)).ShouldBe(200);
        }
        else
        {
            (await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None))).ErrorCode.ShouldBe("TryAgainLater");
        }

        server.Requests.Count.ShouldBe(requests);
    }

    [Fact]
    public async Task Unsafe_operation_does_not_retry_500()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(500, "<Error><Code>InternalError</Code></Error>");
        using var client = TestClients.Create(server);
        var request = TestClients.Request(HttpMethod.Post, "k", CosOperationSafety.Unsafe, "CompleteMultipartUpload");

        (await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None))).StatusCode.ShouldBe(500);
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Unsafe_operation_retries_503_SlowDown()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(503, "<Error><Code>SlowDown</Code></Error>");
        using var client = TestClients.Create(server);
        var request = TestClients.Request(HttpMethod.Post, "k", CosOperationSafety.Unsafe);

        (await client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None)).ShouldBe(200);
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(404, "<Error><Code>NoSuchKey</Code></Error>");
        using var client = TestClients.Create(server);

        (await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None))).ErrorCode.ShouldBe("NoSuchKey");
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Connection_reset_is_retried_for_idempotent_operations()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        using var client = TestClients.Create(server);
        var request = TestClients.Request(HttpMethod.Delete, "k", CosOperationSafety.Idempotent, "DeleteObject");

        (await client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None)).ShouldBe(200);
        server.Requests.Count.ShouldBe(2);
        server.Requests[1].Header("x-cos-sdk-retry").ShouldBe("true");
    }

    [Fact]
    public async Task Connection_reset_is_not_retried_for_unsafe_operations_and_surfaces_as_HttpRequestException()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        using var client = TestClients.Create(server);
        var request = TestClients.Request(HttpMethod.Post, "k", CosOperationSafety.Unsafe);

        await Should.ThrowAsync<HttpRequestException>(() => client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None));
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Refused_connection_is_retried_even_for_unsafe_operations()
    {
        // A port that was just free: nothing listens there.
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        await using var server = await ScriptedServer.StartAsync();
        var attempts = new List<string?>();
        using var listener = Listen("RefusedUnsafe", attempts);
        using var client = TestClients.Create(server, tracker: true, connectTo: $"127.0.0.1:{closedPort}");
        var request = TestClients.Request(HttpMethod.Post, "k", CosOperationSafety.Unsafe, "RefusedUnsafe");

        var error = await Should.ThrowAsync<HttpRequestException>(() => client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None));
        error.HttpRequestError.ShouldBe(HttpRequestError.ConnectionError);
        lock (attempts)
        {
            attempts.ShouldBe(["4"]);
        }
    }

    [Fact]
    public async Task Non_replayable_body_is_never_retried()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(500, "<Error><Code>InternalError</Code></Error>");
        using var client = TestClients.Create(server);
        var request = TestClients.Request(HttpMethod.Put, "k", CosOperationSafety.Idempotent, "PutObject");
        request.Body = CosRequestBody.FromStream(new NonSeekableStream("payload"u8.ToArray()), 7);

        (await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None))).StatusCode.ShouldBe(500);
        server.Requests.Count.ShouldBe(1);
        server.Requests[0].Body.ShouldBe("payload"u8.ToArray());
    }

    [Fact]
    public async Task Seekable_body_is_replayed_from_its_start()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(503, "<Error><Code>ServiceUnavailable</Code></Error>");
        using var client = TestClients.Create(server);
        var request = TestClients.Request(HttpMethod.Put, "k", CosOperationSafety.Idempotent, "PutObject");
        var stream = new MemoryStream("xxpayload"u8.ToArray()) { Position = 2 };
        request.Body = CosRequestBody.FromStream(stream);

        await client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None);

        server.Requests.Count.ShouldBe(2);
        server.Requests[1].Body.ShouldBe("payload"u8.ToArray());
        server.Requests[1].Header("Content-Length").ShouldBe("7");
    }

    [Fact]
    public async Task Per_try_timeout_is_retried_and_finally_a_TimeoutException()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        // A timeout long enough that each try surely reaches the server on a loaded machine.
        using var client = TestClients.Create(server, timeout: TimeSpan.FromSeconds(1), maxRetries: 1);

        var watch = Stopwatch.StartNew();
        var error = await Should.ThrowAsync<TimeoutException>(() => client.Pipeline.SendAsync(TestClients.Get("k", operation: "SlowGet"), TestClients.Status, CancellationToken.None));

        error.Message.ShouldContain("SlowGet");
        error.Message.ShouldContain("no response within 1 s");
        server.Requests.Count.ShouldBe(2);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Per_try_timeout_then_success()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        using var client = TestClients.Create(server, timeout: TimeSpan.FromSeconds(1));

        (await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None)).ShouldBe(200);
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Caller_cancellation_stops_a_held_request_at_once_without_retry()
    {
        await using var server = await ScriptedServer.StartAsync();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Fallback = async context =>
        {
            held.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        };
        using var client = TestClients.Create(server);
        using var cts = new CancellationTokenSource();

        // Cancel only once the server holds the request, so a slow start cannot make the test pass early.
        var send = client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, cts.Token);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var watch = Stopwatch.StartNew();
        cts.Cancel();
        var error = await Should.ThrowAsync<OperationCanceledException>(() => send);
        watch.Stop();

        error.CancellationToken.ShouldBe(cts.Token);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5)); // milliseconds; generous for a loaded machine
        await Task.Delay(300);
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Cancellation_during_backoff_is_immediate()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = context => ScriptedServer.Respond(context, 500);
        using var client = new CosClient(new CosClientOptions
        {
            SecretId = TestClients.SecretId,
            SecretKey = TestClients.SecretKey,
            Region = TestClients.Region,
            Protocol = "http",
            ConnectTo = $"127.0.0.1:{server.Port}",
            RetryDelay = TimeSpan.FromSeconds(60),
            MaxRetryDelay = TimeSpan.FromSeconds(60),
        });
        using var cts = new CancellationTokenSource();
        var send = client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, cts.Token);
        while (server.Requests.Count == 0)
        {
            await Task.Delay(10);
        }

        await Task.Delay(100);
        var watch = Stopwatch.StartNew();
        cts.Cancel();
        (await Should.ThrowAsync<OperationCanceledException>(() => send)).CancellationToken.ShouldBe(cts.Token);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Retry_After_is_honoured_but_capped()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(503, "<Error><Code>SlowDown</Code></Error>", new Dictionary<string, string> { ["Retry-After"] = "3600" });
        using var client = TestClients.Create(server); // MaxRetryDelay 20 ms

        var watch = Stopwatch.StartNew();
        await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public void Backoff_grows_exponentially_with_full_jitter_and_a_cap()
    {
        var baseDelay = TimeSpan.FromMilliseconds(100);
        var max = TimeSpan.FromSeconds(1);
        for (var i = 0; i < 200; i++)
        {
            Cos.Generated.Pipeline.RetryBackoff.GetDelay(baseDelay, max, 0, null).ShouldBeLessThanOrEqualTo(TimeSpan.FromMilliseconds(100));
            Cos.Generated.Pipeline.RetryBackoff.GetDelay(baseDelay, max, 2, null).ShouldBeLessThanOrEqualTo(TimeSpan.FromMilliseconds(400));
            Cos.Generated.Pipeline.RetryBackoff.GetDelay(baseDelay, max, 10, null).ShouldBeLessThanOrEqualTo(max);
            Cos.Generated.Pipeline.RetryBackoff.GetDelay(baseDelay, max, 0, TimeSpan.FromMilliseconds(500)).ShouldBe(TimeSpan.FromMilliseconds(500));
            Cos.Generated.Pipeline.RetryBackoff.GetDelay(baseDelay, max, 0, TimeSpan.FromHours(1)).ShouldBe(max);
        }
    }

    [Theory]
    [InlineData(CosOperationSafety.ReadOnly, 500, "InternalError", true)]
    [InlineData(CosOperationSafety.Idempotent, 502, null, true)]
    [InlineData(CosOperationSafety.Idempotent, 200, "InternalError", true)]
    [InlineData(CosOperationSafety.Idempotent, 200, "SlowDown", true)]
    [InlineData(CosOperationSafety.ReadOnly, 200, "ServiceUnavailable", true)]
    [InlineData(CosOperationSafety.ReadOnly, 403, "AccessDenied", false)]
    [InlineData(CosOperationSafety.Conditional, 500, "InternalError", false)]
    [InlineData(CosOperationSafety.Conditional, 503, "SlowDown", true)]
    [InlineData(CosOperationSafety.Unsafe, 503, "SlowDown", true)]
    [InlineData(CosOperationSafety.Unsafe, 503, "ServiceUnavailable", false)]
    [InlineData(CosOperationSafety.Unsafe, 200, "InternalError", false)]
    public void Classifier_rules_for_cos_errors(CosOperationSafety safety, int status, string? code, bool retry)
    {
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(new CosException(status, code, null, null), safety).ShouldBe(retry);
    }

    [Fact]
    public void Classifier_rules_for_transport_errors()
    {
        const CosOperationSafety readOnly = CosOperationSafety.ReadOnly;
        const CosOperationSafety unsafeOp = CosOperationSafety.Unsafe;
        var reset = new HttpRequestException(HttpRequestError.ResponseEnded, "reset");
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused");
        var dns = new HttpRequestException(HttpRequestError.NameResolutionError, "dns");
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(reset, readOnly).ShouldBeTrue();
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(reset, unsafeOp).ShouldBeFalse();
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(refused, unsafeOp).ShouldBeTrue();
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(dns, unsafeOp).ShouldBeTrue();
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(new IOException(), readOnly).ShouldBeTrue();
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(new IOException(), unsafeOp).ShouldBeFalse();
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(new TimeoutException(), readOnly).ShouldBeTrue();
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(new TimeoutException(), unsafeOp).ShouldBeFalse();
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(new CosResponseFormatException("bad", 200, null), readOnly).ShouldBeFalse();
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(new InvalidOperationException(), readOnly).ShouldBeFalse();
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(new OperationCanceledException(), readOnly).ShouldBeFalse();
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(new CosIntegrityException("crc", 1, 2, null), readOnly).ShouldBeTrue();
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(new CosIntegrityException("crc", 1, 2, null), unsafeOp).ShouldBeFalse();
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(new CosObjectChangedException("b-1", "k", "\"a\"", "\"b\"", null), readOnly).ShouldBeFalse();
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(new CosException(429, "TooManyRequests", null, null), readOnly).ShouldBeTrue();
        Cos.Generated.Pipeline.RetryClassifier.IsRetryable(new CosException(408, "RequestTimeout", null, null), readOnly).ShouldBeTrue();
    }

    internal static IDisposable Listen(string operation, List<string?> attempts)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Cos.Generated",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.OperationName == operation)
                {
                    lock (attempts)
                    {
                        attempts.Add(activity.GetTagItem("cos.attempts") as string);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
