using System.Collections.Concurrent;
using System.Security.Cryptography;
using Cos.Generated.Transfer;
using static Cos.Generated.Tests.Transfer.DownloadTestEnvironment;

namespace Cos.Generated.Tests.Transfer;

/// <summary>
/// ACL, tags and server-side encryption of <see cref="CosClient.CopyAsync"/> (destination and SSE-C source), the SSE-C key
/// and traffic limit of downloads, and that an SSE-C key shows up in no message, string or exception.
/// </summary>
public sealed class CopyDownloadObjectSettingsTests
{
    private static Func<CosClientOptions, CosClientOptions> SmallCopyParts => o => o with { CopySliceSize = MiB, CopyChunkSize = MiB, CopyChunkParallelLimit = 2 };

    private static readonly byte[] SourceKey = RandomBytes(32, seed: 101);
    private static readonly byte[] DestinationKey = RandomBytes(32, seed: 102);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Tags_given_to_a_copy_replace_the_sources_and_without_them_the_sources_are_kept(bool multipart)
    {
        await using var env = await StartAsync(SmallCopyParts);
        var data = RandomBytes(multipart ? (2 * MiB) + 77 : 1000, seed: 1);
        await env.Client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "src.bin", Body = new MemoryStream(data), Tagging = "origin=source&keep=yes" });
        var replaced = new Dictionary<string, string> { ["origin"] = "copy & paste", ["stage"] = "2" };

        var withTags = await env.Client.CopyAsync(new CosCopySource(Bucket, "src.bin"), Bucket, "tagged.bin", new CosCopyOptions { Tags = replaced });
        var kept = await env.Client.CopyAsync(new CosCopySource(Bucket, "src.bin"), Bucket, "kept.bin");
        await env.Client.CopyAsync(new CosCopySource(Bucket, "src.bin"), Bucket, "untagged.bin", new CosCopyOptions { Tags = new Dictionary<string, string>() });

        withTags.PartCount.ShouldBe(multipart ? 3 : 0);
        kept.PartCount.ShouldBe(multipart ? 3 : 0);
        (await TagsAsync(env, "tagged.bin")).ShouldBe(replaced, ignoreOrder: true);
        (await TagsAsync(env, "kept.bin")).ShouldBe(new Dictionary<string, string> { ["origin"] = "source", ["keep"] = "yes" }, ignoreOrder: true);
        (await env.Client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "untagged.bin" })).TaggingCount.ShouldBeNull();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_copy_gets_the_destination_ACL_and_encryption_it_asks_for(bool multipart)
    {
        await using var env = await StartAsync(SmallCopyParts);
        var data = RandomBytes(multipart ? (2 * MiB) + 5 : 500, seed: 2);
        await env.PutAsync("src.bin", data);

        await env.Client.CopyAsync(new CosCopySource(Bucket, "src.bin"), Bucket, "kms.bin", new CosCopyOptions
        {
            Acl = ObjectAcl.PublicRead,
            GrantFullControl = "id=\"100000000002\"",
            ServerSideEncryption = CosServerSideEncryption.SseKms("kms-key-2"),
        });

        var head = await env.Client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "kms.bin" });
        (head.ServerSideEncryption, head.SseKmsKeyId).ShouldBe((ServerSideEncryption.CosKms, "kms-key-2"));
        var grants = (await env.Client.GetObjectAclAsync(new GetObjectAclRequest { Bucket = Bucket, Key = "kms.bin" })).Grants.Select(g => (g.Grantee.URI ?? g.Grantee.ID, g.Permission)).ToList();
        grants.ShouldContain(("http://cam.qcloud.com/groups/global/AllUsers", (Permission?)Permission.Read));
        grants.ShouldContain(("qcs::cam::uin/100000000002:uin/100000000002", (Permission?)Permission.FullControl));
        (await env.GetAsync("kms.bin")).ShouldBe(data);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_SSE_C_source_is_copied_with_its_key_to_an_SSE_C_destination_with_another(bool multipart)
    {
        await using var env = await StartAsync(SmallCopyParts);
        var data = RandomBytes(multipart ? (3 * MiB) + 1 : 4096, seed: 3);
        await env.Client.UploadAsync(Bucket, "secret-src.bin", new MemoryStream(data), new CosUploadOptions { ServerSideEncryption = CosServerSideEncryption.SseC(SourceKey) });

        // Without the source's key even the HEAD of the source is refused.
        (await Should.ThrowAsync<CosException>(() => env.Client.CopyAsync(new CosCopySource(Bucket, "secret-src.bin"), Bucket, "nokey.bin"))).StatusCode.ShouldBe(400);

        var result = await env.Client.CopyAsync(new CosCopySource(Bucket, "secret-src.bin"), Bucket, "secret-dst.bin", new CosCopyOptions
        {
            SourceCustomerKey = CosServerSideEncryption.SseC(SourceKey),
            ServerSideEncryption = CosServerSideEncryption.SseC(DestinationKey),
        });

        result.PartCount.ShouldBe(multipart ? 4 : 0);
        result.Crc64.ShouldBe(Crc(data));
        using var output = new MemoryStream();
        var wrongKey = await Should.ThrowAsync<CosException>(() => env.Client.DownloadAsync(Bucket, "secret-dst.bin", output, new CosDownloadOptions { CustomerKey = CosServerSideEncryption.SseC(SourceKey) }));
        wrongKey.StatusCode.ShouldBe(400);
        await env.Client.DownloadAsync(Bucket, "secret-dst.bin", output, new CosDownloadOptions { CustomerKey = CosServerSideEncryption.SseC(DestinationKey) });
        output.ToArray().ShouldBe(data);
    }

    [Fact]
    public async Task A_ranged_download_sends_the_SSE_C_key_and_the_traffic_limit_on_the_HEAD_and_every_GET()
    {
        var sent = new ConcurrentQueue<(string Method, IReadOnlyDictionary<string, string> Headers)>();
        await using var env = await StartAsync(
            o => o,
            tamper: (request, _) => sent.Enqueue((request.Method.Method, request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value)))));
        var data = RandomBytes((3 * MiB) + 3, seed: 4);
        await env.Client.UploadAsync(Bucket, "ranged.bin", new MemoryStream(data), new CosUploadOptions { ServerSideEncryption = CosServerSideEncryption.SseC(DestinationKey) });
        sent.Clear();
        var path = Path.Combine(Path.GetTempPath(), "cos-ssec-download-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = await env.Client.DownloadFileAsync(Bucket, "ranged.bin", path, new CosDownloadOptions { PartSize = MiB, CustomerKey = CosServerSideEncryption.SseC(DestinationKey), TrafficLimit = 838860800 });

            result.PartCount.ShouldBe(4);
            File.ReadAllBytes(path).ShouldBe(data);
            var md5 = Convert.ToBase64String(MD5.HashData(DestinationKey));
            sent.Count(r => r.Method == "HEAD").ShouldBe(1);
            sent.Count(r => r.Method == "GET").ShouldBe(4);
            foreach (var (method, headers) in sent)
            {
                headers["x-cos-server-side-encryption-customer-key-md5"].ShouldBe(md5);
                if (method == "GET")
                {
                    headers["x-cos-traffic-limit"].ShouldBe("838860800");
                }
            }

        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Download_and_copy_options_refuse_a_key_that_is_not_SSE_C_and_a_traffic_limit_out_of_range()
    {
        await using var env = await StartAsync();
        using var output = new MemoryStream();
        (await Should.ThrowAsync<ArgumentException>(() => env.Client.DownloadAsync(Bucket, "x", output, new CosDownloadOptions { CustomerKey = CosServerSideEncryption.SseCos }))).ParamName.ShouldBe("CustomerKey");
        (await Should.ThrowAsync<ArgumentOutOfRangeException>(() => env.Client.DownloadAsync(Bucket, "x", output, new CosDownloadOptions { TrafficLimit = 1 }))).ParamName.ShouldBe("TrafficLimit");
        (await Should.ThrowAsync<ArgumentException>(() => env.Client.CopyAsync(new CosCopySource(Bucket, "x"), Bucket, "y", new CosCopyOptions { SourceCustomerKey = CosServerSideEncryption.SseKms() }))).ParamName.ShouldBe("SourceCustomerKey");
        (await Should.ThrowAsync<ArgumentException>(() => env.Client.CopyAsync(new CosCopySource(Bucket, "x"), Bucket, "y", new CosCopyOptions { Tags = new Dictionary<string, string> { ["k"] = new string('v', 257) } }))).ParamName.ShouldBe("Tags");
    }

    [Fact]
    public void The_SSE_C_key_is_not_in_ToString_and_a_bad_key_is_refused_without_showing_it()
    {
        var key = RandomBytes(32, seed: 5);
        var sse = CosServerSideEncryption.SseC(key);

        sse.Kind.ShouldBe(CosServerSideEncryptionKind.SseC);
        sse.ToString().ShouldBe("SSE-C (key not shown)");
        CosServerSideEncryption.SseCos.ToString().ShouldBe("SSE-COS");
        CosServerSideEncryption.SseKms("key-9").ToString().ShouldBe("SSE-KMS (key key-9)");
        var options = new CosUploadOptions { ServerSideEncryption = sse };
        AssertNoKey(options.ToString()!, key);
        AssertNoKey(new CosDownloadOptions { CustomerKey = sse }.ToString()!, key);
        var file = new CosFileUpload(Bucket, "k", "/tmp/f") { Options = options };
        AssertNoKey(file.ToString(), key); // a record: its ToString prints its members

        var shortKey = RandomBytes(31, seed: 6);
        var error = Should.Throw<ArgumentException>(() => CosServerSideEncryption.SseC(shortKey));
        error.Message.ShouldContain("31");
        AssertNoKey(error.ToString(), shortKey);
    }

    [Fact]
    public async Task Errors_of_transfers_with_an_SSE_C_key_do_not_show_it()
    {
        await using var env = await StartAsync(SmallCopyParts);
        var key = RandomBytes(32, seed: 7);
        var wrong = RandomBytes(32, seed: 8);
        await env.Client.UploadAsync(Bucket, "secret.bin", new MemoryStream(RandomBytes(2 * MiB, seed: 9)), new CosUploadOptions { ServerSideEncryption = CosServerSideEncryption.SseC(key) });

        using var output = new MemoryStream();
        var errors = new List<Exception>
        {
            // COS refuses the wrong key (the emulator echoes nothing of it), a missing bucket refuses everything.
            await Should.ThrowAsync<CosException>(() => env.Client.DownloadAsync(Bucket, "secret.bin", output, new CosDownloadOptions { CustomerKey = CosServerSideEncryption.SseC(wrong) })),
            await Should.ThrowAsync<CosException>(() => env.Client.CopyAsync(new CosCopySource(Bucket, "secret.bin"), Bucket, "copy.bin", new CosCopyOptions { SourceCustomerKey = CosServerSideEncryption.SseC(wrong) })),
            await Should.ThrowAsync<CosException>(() => env.Client.UploadAsync("missing-1250000000", "x.bin", new MemoryStream(RandomBytes(3 * MiB)), new CosUploadOptions { ServerSideEncryption = CosServerSideEncryption.SseC(key) })),
            await Should.ThrowAsync<CosException>(() => env.Client.UploadAsync("missing-1250000000", "x.bin", new MemoryStream(RandomBytes(10)), new CosUploadOptions { ServerSideEncryption = CosServerSideEncryption.SseC(key) })),
        };

        foreach (var error in errors)
        {
            AssertNoKey(error.ToString(), key);
            AssertNoKey(error.ToString(), wrong);
            foreach (System.Collections.DictionaryEntry entry in error.Data)
            {
                AssertNoKey($"{entry.Key}={entry.Value}", key);
            }
        }
    }

    private static void AssertNoKey(string text, byte[] key)
    {
        text.ShouldNotContain(Convert.ToBase64String(key));
        text.ShouldNotContain(Convert.ToHexString(key), Case.Insensitive);
    }

    private static async Task<Dictionary<string, string>> TagsAsync(DownloadTestEnvironment env, string key) =>
        (await env.Client.GetObjectTaggingAsync(new GetObjectTaggingRequest { Bucket = Bucket, Key = key })).TagSet.ToDictionary(t => t.Key, t => t.Value);
}
