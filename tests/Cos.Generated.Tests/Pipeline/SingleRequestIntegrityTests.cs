using System.Globalization;
using System.Text;
using Cos.Generated.Integrity;
using Cos.Generated.Tests.Infrastructure;
using static Cos.Generated.Tests.Infrastructure.TestClients;

namespace Cos.Generated.Tests.Pipeline;

/// <summary>
/// The spec's <c>crc64Of</c>: PutObject refuses an answer whose CRC-64 is not that of the bytes sent, and a whole-object
/// GetObject read to its end fails when the bytes do not have the CRC-64 COS announced. Ranged reads are not checked.
/// </summary>
public sealed class SingleRequestIntegrityTests
{
    private static readonly byte[] Data = Encoding.ASCII.GetBytes("the bytes that were sent");

    private static string Crc(byte[] bytes) => CosCrc64.Compute(bytes).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task PutObject_refuses_a_CRC64_that_does_not_match_the_bytes_sent()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(200, headers: new Dictionary<string, string> { ["x-cos-hash-crc64ecma"] = "12345", ["ETag"] = "\"e\"" });
        using var client = Create(server, maxRetries: 0);

        var error = await Should.ThrowAsync<CosIntegrityException>(() => client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "k", Body = new MemoryStream(Data) }));

        error.ActualCrc64.ShouldBe(12345UL);
        error.ExpectedCrc64.ShouldBe(CosCrc64.Compute(Data));
        error.Message.ShouldContain("12345");
        server.Requests.ShouldHaveSingleItem().Body.ShouldBe(Data);
    }

    [Fact]
    public async Task PutObject_retries_a_CRC64_mismatch_and_accepts_the_matching_answer()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(200, headers: new Dictionary<string, string> { ["x-cos-hash-crc64ecma"] = "12345" });
        server.Enqueue(200, headers: new Dictionary<string, string> { ["x-cos-hash-crc64ecma"] = Crc(Data) });
        using var client = Create(server, maxRetries: 1);

        var put = await client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "k", Body = new MemoryStream(Data) });

        put.Crc64.ShouldBe(CosCrc64.Compute(Data));
        server.Requests.Count.ShouldBe(2);
        server.Requests.ShouldAllBe(r => r.Body.SequenceEqual(Data));
    }

    [Fact]
    public async Task PutObject_without_a_reported_CRC64_is_accepted()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(200);
        using var client = Create(server, maxRetries: 0);

        var put = await client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "k", Body = new MemoryStream(Data) });

        put.Crc64.ShouldBeNull();
    }

    [Fact]
    public async Task A_whole_GetObject_read_to_its_end_fails_on_a_CRC64_mismatch()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(200, "corrupted in transit!!!!", new Dictionary<string, string> { ["x-cos-hash-crc64ecma"] = Crc(Data) });
        using var client = Create(server, maxRetries: 0);

        await using var response = await client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "k" });
        var error = await Should.ThrowAsync<CosIntegrityException>(() => response.Body.CopyToAsync(Stream.Null));

        error.ExpectedCrc64.ShouldBe(CosCrc64.Compute(Data));
        error.ActualCrc64.ShouldBe(CosCrc64.Compute(Encoding.ASCII.GetBytes("corrupted in transit!!!!")));
    }

    [Fact]
    public async Task A_whole_GetObject_with_the_right_CRC64_reads_to_its_end()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(200, Encoding.ASCII.GetString(Data), new Dictionary<string, string> { ["x-cos-hash-crc64ecma"] = Crc(Data) });
        using var client = Create(server, maxRetries: 0);

        await using var response = await client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "k" });
        using var copy = new MemoryStream();
        await response.Body.CopyToAsync(copy);

        copy.ToArray().ShouldBe(Data);
    }

    [Fact]
    public async Task A_ranged_GetObject_is_not_checked_against_the_whole_objects_CRC64()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(206, "the by", new Dictionary<string, string> { ["x-cos-hash-crc64ecma"] = Crc(Data), ["Content-Range"] = $"bytes 0-5/{Data.Length}" });
        using var client = Create(server, maxRetries: 0);

        await using var response = await client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "k", Range = "bytes=0-5" });
        using var copy = new MemoryStream();
        await response.Body.CopyToAsync(copy);

        Encoding.ASCII.GetString(copy.ToArray()).ShouldBe("the by");
    }
}
