using System.Diagnostics;
using Cos.Generated.Protocol;
using Cos.Generated.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Pipeline;

/// <summary>Error responses, hostile bodies and streamed bodies.</summary>
public class PipelineResponseTests
{
    [Fact]
    public async Task Head_404_without_body_carries_status_and_request_id()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(404, requestId: "NjQ0-head-404");
        using var client = TestClients.Create(server);
        var request = TestClients.Request(HttpMethod.Head, "missing", CosOperationSafety.ReadOnly, "HeadObject");

        var error = await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None));

        error.StatusCode.ShouldBe(404);
        error.ErrorCode.ShouldBe("404");
        error.RequestId.ShouldBe("NjQ0-head-404");
        server.Requests.ShouldHaveSingleItem().RequestLine.ShouldBe("HEAD /missing HTTP/1.1");
    }

    [Fact]
    public async Task Head_404_takes_its_error_code_from_the_x_cos_error_code_header()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(404, headers: new Dictionary<string, string> { ["x-cos-error-code"] = "NoSuchBucket" }, requestId: "head-404-bucket");
        using var client = TestClients.Create(server);
        var request = TestClients.Request(HttpMethod.Head, "missing", CosOperationSafety.ReadOnly, "HeadObject");

        var error = await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None));

        (error.StatusCode, error.ErrorCode, error.RequestId).ShouldBe((404, "NoSuchBucket", "head-404-bucket"));
        error.Message.ShouldContain("NoSuchBucket");
    }

    [Fact]
    public async Task Xml_error_body_is_parsed()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(403, """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error>
              <Code>SignatureDoesNotMatch</Code>
              <Message>The Signature you specified is invalid.</Message>
              <Resource>examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/k</Resource>
              <RequestId>body-request-id</RequestId>
              <TraceId>OGVmYzZiMmQ3YjExOWQ0M2I=</TraceId>
              <StringToSign>sha1...</StringToSign>
            </Error>
            """, requestId: "header-request-id");
        using var client = TestClients.Create(server);

        var error = await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None));

        error.StatusCode.ShouldBe(403);
        error.ErrorCode.ShouldBe("SignatureDoesNotMatch");
        error.ErrorMessage.ShouldBe("The Signature you specified is invalid.");
        error.Resource.ShouldBe("examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/k");
        error.RequestId.ShouldBe("header-request-id");
        error.TraceId.ShouldBe("OGVmYzZiMmQ3YjExOWQ0M2I=");
        error.Message.ShouldNotContain(TestClients.SecretKey);
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Non_xml_error_body_still_gives_the_status()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(context => ScriptedServer.Respond(context, 502, "<html><body>Bad gateway</body></html>"));
        server.Enqueue(404, "<html>not found</html>");
        using var client = TestClients.Create(server);

        var error = await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None));

        error.StatusCode.ShouldBe(404);
        error.ErrorCode.ShouldBe("404");
        server.Requests.Count.ShouldBe(2); // the 502 was retried
    }

    [Fact]
    public async Task Error_inside_a_200_is_a_CosException_and_retried_when_InternalError_for_idempotent_ops()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(200, "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>");
        server.Enqueue(200, "<Result><Value>copied</Value></Result>");
        using var client = TestClients.Create(server);
        var request = TestClients.Request(HttpMethod.Put, "dest", CosOperationSafety.Idempotent, "PutObjectCopy");

        (await client.Pipeline.SendAsync(request, TestClients.ReadValue, CancellationToken.None)).ShouldBe("copied");
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Error_inside_a_200_is_not_retried_for_unsafe_ops()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(200, "<Error><Code>InternalError</Code><Message>boom</Message><RequestId>r</RequestId></Error>", requestId: "complete-id");
        using var client = TestClients.Create(server);
        var request = TestClients.Request(HttpMethod.Post, "k", CosOperationSafety.Unsafe, "CompleteMultipartUpload");

        var error = await Should.ThrowAsync<CosException>(() => client.Pipeline.SendAsync(request, TestClients.ReadValue, CancellationToken.None));
        error.StatusCode.ShouldBe(200);
        error.ErrorCode.ShouldBe("InternalError");
        error.RequestId.ShouldBe("complete-id");
        server.Requests.Count.ShouldBe(1);
    }

    public static TheoryData<string, string> HostileBodies => new()
    {
        {
            "billion laughs",
            """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <Result><Value>&lol9;</Value></Result>
            """
        },
        { "external entity", """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Result><Value>&x;</Value></Result>""" },
        { "truncated", "<Result><Value>abc</Val" },
        { "not xml", "{\"Value\": \"json, not xml\"}" },
        { "html", "<html><body><p>hello</html>" },
        { "wrong root", "<Other><Value>x</Value></Other>" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task Hostile_bodies_give_CosResponseFormatException_quickly(string name, string body)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = context => ScriptedServer.Respond(context, 200, body, requestId: "hostile-" + name.Replace(' ', '-'));
        using var client = TestClients.Create(server);

        var watch = Stopwatch.StartNew();
        var error = await Should.ThrowAsync<CosResponseFormatException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.ReadValue, CancellationToken.None));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        error.StatusCode.ShouldBe(200);
        error.RequestId.ShouldBe("hostile-" + name.Replace(' ', '-'));
        error.Message.ShouldContain("GetObject");
        server.Requests.Count.ShouldBe(1); // not retried
    }

    [Fact]
    public async Task Gigantic_declared_body_is_refused_without_reading_it()
    {
        await using var server = await ScriptedServer.StartAsync();
        var serverDone = new TaskCompletionSource();
        server.Enqueue(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength = 200L * 1024 * 1024;
            await context.Response.Body.WriteAsync(new byte[64 * 1024]);
            await context.Response.Body.FlushAsync();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            serverDone.TrySetResult();
        });
        using var client = TestClients.Create(server);

        var watch = Stopwatch.StartNew();
        var error = await Should.ThrowAsync<CosResponseFormatException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.ReadValue, CancellationToken.None));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        error.Message.ShouldContain("limit");
    }

    [Fact]
    public async Task Chunked_body_beyond_the_cap_is_refused()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(async context =>
        {
            context.Response.StatusCode = 200;
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < 64 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        using var client = TestClients.Create(server);
        client.Pipeline.MaxBufferedBodyBytes = 1024 * 1024;

        await Should.ThrowAsync<CosResponseFormatException>(() => client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.ReadValue, CancellationToken.None));
    }

    [Fact]
    public async Task Streamed_body_is_read_incrementally_through_TakeBody()
    {
        const int chunkSize = 256 * 1024;
        const int chunks = 16; // 4 MiB
        await using var server = await ScriptedServer.StartAsync();
        var firstChunkRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var serverFinished = false;
        server.Enqueue(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength = (long)chunkSize * chunks;
            context.Response.Headers["x-cos-request-id"] = "stream-id";
            for (var i = 0; i < chunks; i++)
            {
                await context.Response.Body.WriteAsync(Chunk(i, chunkSize));
                await context.Response.Body.FlushAsync();
                if (i == 0)
                {
                    // Hold the rest back until the client has read the beginning.
                    await firstChunkRead.Task.WaitAsync(TimeSpan.FromSeconds(20));
                }
            }

            Volatile.Write(ref serverFinished, true);
        });
        using var client = TestClients.Create(server);
        var request = TestClients.Request(HttpMethod.Get, "big.bin", CosOperationSafety.ReadOnly, "GetObject", bufferResponse: false);

        await using var body = await client.Pipeline.SendAsync(request, context => context.TakeBody(), CancellationToken.None);

        var first = new byte[chunkSize];
        await body.ReadExactlyAsync(first);
        Volatile.Read(ref serverFinished).ShouldBeFalse();
        first.ShouldBe(Chunk(0, chunkSize));
        firstChunkRead.SetResult();

        using var rest = new MemoryStream();
        await body.CopyToAsync(rest);
        rest.Length.ShouldBe((long)chunkSize * (chunks - 1));
        rest.ToArray().AsSpan(0, chunkSize).ToArray().ShouldBe(Chunk(1, chunkSize));
        rest.ToArray().AsSpan(rest.Length > chunkSize ? (int)rest.Length - chunkSize : 0).ToArray().ShouldBe(Chunk(chunks - 1, chunkSize));
    }

    [Fact]
    public async Task Streamed_operation_that_does_not_take_the_body_releases_the_response()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Fallback = context => ScriptedServer.Respond(context, 200, new string('x', 100_000));
        using var client = TestClients.Create(server);

        for (var i = 0; i < 5; i++)
        {
            var request = TestClients.Request(HttpMethod.Get, "k", CosOperationSafety.ReadOnly, bufferResponse: false);
            (await client.Pipeline.SendAsync(request, TestClients.Status, CancellationToken.None)).ShouldBe(200);
        }

        server.Requests.Count.ShouldBe(5);
    }

    private static byte[] Chunk(int index, int size)
    {
        var data = new byte[size];
        for (var i = 0; i < size; i++)
        {
            data[i] = (byte)(index * 31 + i);
        }

        return data;
    }
}
