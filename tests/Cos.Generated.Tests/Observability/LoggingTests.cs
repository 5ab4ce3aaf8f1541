using System.Web;
using Cos.Emulator;
using Cos.Emulator.Faults;
using Cos.Generated.Tests.Infrastructure;
using Cos.Generated.Transfer;
using Microsoft.Extensions.Logging;

namespace Cos.Generated.Tests.Observability;

/// <summary>
/// The client's log: its events with their ids and levels, and, over a run of many operations, a presigned URL and a
/// failed request with a temporary key, not one secret in any entry.
/// </summary>
[Collection(ObservabilityCollection.Name)]
public sealed class LoggingTests
{
    private const string Bucket = "examplebucket-1250000000";

    private static readonly TemporaryKey Temporary = new("AKIDTMPLOGGING00000000000000000000001", "tmp-secret-key-LOGSCAN-3f9a", "tmp-session-token-LOGSCAN-77c1e0", DateTimeOffset.UtcNow.AddHours(2));

    [Fact]
    public async Task No_secret_appears_in_any_log_entry_of_a_full_run()
    {
        await using var emulator = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Bucket)], TemporaryKeys = [Temporary] });
        var log = new CapturingLoggerFactory();
        var options = emulator.CreateClientOptions() with { LoggerFactory = log, RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(5), SliceSize = 64 * 1024, ChunkSize = 1024 * 1024 };
        using var client = new CosClient(options);
        var secrets = new List<string> { emulator.SecretKey, Temporary.TmpSecretKey, Temporary.SecurityToken };

        // Operations of every kind: bucket and object calls, a multipart upload, a download, a copy, a failure.
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "dir/a.txt", Body = new MemoryStream("hello"u8.ToArray()) });
        await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "dir/a.txt" });
        await using (var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = "dir/a.txt" }))
        {
            await get.Body.CopyToAsync(Stream.Null);
        }

        await client.GetBucketAsync(new GetBucketRequest { Bucket = Bucket, Prefix = "dir/" });
        await client.UploadAsync(Bucket, "big.bin", new MemoryStream(new byte[(1024 * 1024) + 10]));
        await client.DownloadAsync(Bucket, "big.bin", new MemoryStream());
        await client.CopyAsync(new CosCopySource(Bucket, "dir/a.txt"), Bucket, "dir/copy.txt");
        await client.DeleteObjectAsync(new DeleteObjectRequest { Bucket = Bucket, Key = "dir/copy.txt" });
        await Should.ThrowAsync<CosException>(() => client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "missing" }));

        // A presigned URL, fetched: its signature and query are secrets too.
        var url = await client.GetObjectUrlAsync(Bucket, "dir/a.txt");
        var query = HttpUtility.ParseQueryString(url.Query);
        secrets.Add(query["q-signature"]!);
        secrets.Add(url.Query.TrimStart('?'));
        using (var http = new HttpClient())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{emulator.Port}{url.PathAndQuery}");
            request.Headers.Host = url.Host;
            using var response = await http.SendAsync(request);
            ((int)response.StatusCode).ShouldBe(200);
        }

        // A temporary key: a presigned URL of its own, and a request that is retried and then fails.
        using var temporary = new CosClient(emulator.CreateClientOptions() with
        {
            SecretId = Temporary.TmpSecretId,
            SecretKey = Temporary.TmpSecretKey,
            SecurityToken = Temporary.SecurityToken,
            LoggerFactory = log,
            MaxRetries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        });
        var temporaryUrl = await temporary.GetObjectUrlAsync(Bucket, "dir/a.txt");
        secrets.Add(HttpUtility.ParseQueryString(temporaryUrl.Query)["q-signature"]!);
        secrets.Add(temporaryUrl.Query.TrimStart('?'));
        emulator.Faults.Add(new FaultRule { Operation = "PutObject", KeyPattern = "refused", Status = 503, ErrorCode = "ServiceUnavailable" });
        var refused = await Should.ThrowAsync<CosException>(() => temporary.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "refused", Body = new MemoryStream([1, 2, 3]) }));
        refused.StatusCode.ShouldBe(503);
        await temporary.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "dir/a.txt" });

        // The run was logged: requests, the retries of the refused PUT, its failure, the transfers.
        var entries = log.Entries;
        entries.Count(e => e.EventId.Id == 1001).ShouldBeGreaterThan(10);
        entries.Count(e => e.EventId.Id == 2001 && e.Message.Contains("PutObject", StringComparison.Ordinal)).ShouldBe(2);
        entries.ShouldContain(e => e.EventId.Id == 1003 && e.Message.Contains("ServiceUnavailable", StringComparison.Ordinal));
        entries.Count(e => e.EventId.Id == 3002).ShouldBe(3);
        entries.Count(e => e.EventId.Id == 3004).ShouldBe(2); // big.bin: 1 MiB + 10 bytes in 1 MiB parts

        // Not one secret, in any form the entry carries.
        secrets.ShouldAllBe(s => s.Length >= 8);
        foreach (var entry in entries)
        {
            foreach (var secret in secrets)
            {
                entry.AllText.Contains(secret, StringComparison.Ordinal).ShouldBeFalse($"event {entry.EventId} logged a secret: {entry.AllText}");
            }

            entry.AllText.Contains("q-signature", StringComparison.OrdinalIgnoreCase).ShouldBeFalse();
            entry.AllText.Contains("x-cos-security-token", StringComparison.OrdinalIgnoreCase).ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Requests_retries_and_clock_skew_are_logged_with_their_event_ids_and_levels()
    {
        await using var server = await ScriptedServer.StartAsync();
        var serverNow = DateTimeOffset.UtcNow.AddHours(1);
        server.Enqueue(context => ScriptedServer.Respond(context, 403, "<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the server's time is too large.</Message></Error>", new Dictionary<string, string> { ["Date"] = serverNow.ToString("r") }));
        server.Enqueue(503, "<Error><Code>ServiceUnavailable</Code></Error>");
        var log = new CapturingLoggerFactory();
        using var client = TestClients.Create(server, loggerFactory: log);

        (await client.Pipeline.SendAsync(TestClients.Get("dir/k"), TestClients.Status, CancellationToken.None)).ShouldBe(200);

        var entries = log.Entries;
        entries.Select(e => e.EventId.Id).ShouldBe([1001, 2002, 2001, 1002]);
        entries.ShouldAllBe(e => e.Category == "Cos.Generated");
        entries.Select(e => e.Level).ShouldBe([LogLevel.Debug, LogLevel.Warning, LogLevel.Information, LogLevel.Debug]);
        entries[0].Message.ShouldBe($"GetObject GET {TestClients.Bucket} /dir/k starting");
        double.Parse(entries[1].Message.Split("offset ")[1].Split(' ')[0], System.Globalization.CultureInfo.CurrentCulture).ShouldBe(3600, tolerance: 30);
        entries[2].Message.ShouldStartWith("GetObject failed with ServiceUnavailable (503");
        entries[2].Message.ShouldContain("retry 1 of 3");
        entries[3].Message.ShouldStartWith($"GetObject {TestClients.Bucket} dir/k answered 200 after 3 attempt(s)");
    }

    [Fact]
    public async Task Without_a_logger_factory_the_client_logs_to_the_null_logger()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = TestClients.Create(server);

        (await client.Pipeline.SendAsync(TestClients.Get("k"), TestClients.Status, CancellationToken.None)).ShouldBe(200);

        client.Pipeline.Logger.ShouldBe(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }
}
