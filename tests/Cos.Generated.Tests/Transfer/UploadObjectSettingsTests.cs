using System.Collections.Concurrent;
using System.Security.Cryptography;
using Cos.Generated.Transfer;
using static Cos.Generated.Tests.Transfer.UploadHarness;

namespace Cos.Generated.Tests.Transfer;

/// <summary>
/// ACL, tags, server-side encryption and the traffic limit of the high-level uploads, checked through what the emulator
/// stored (HeadObject, GetObjectTagging, GetObjectAcl) and, for the per-part headers, through the requests sent.
/// </summary>
public sealed class UploadObjectSettingsTests
{
    private const string OtherAccount = "qcs::cam::uin/100000000002:uin/100000000002";
    private const string Owner = "qcs::cam::uin/100000000001:uin/100000000001";
    private const string AllUsers = "http://cam.qcloud.com/groups/global/AllUsers";

    /// <summary>Tags whose keys and values need URL-encoding in <c>x-cos-tagging</c>.</summary>
    private static readonly Dictionary<string, string> AwkwardTags = new()
    {
        ["team"] = "storage",
        ["a&b=c"] = "x=y&z",
        ["plus+space"] = "1 + 1 / 2 %20",
        ["名前"] = "値",
        ["empty"] = "",
    };

    private static byte[] Key32(int seed) => RandomBytes(32, seed);

    [Theory]
    [InlineData(10)] // one PUT
    [InlineData((2 * MiB) + 3)] // InitiateMultipartUpload carries them
    public async Task Acl_tags_and_SSE_KMS_are_stored_with_the_object(int length)
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var options = new CosUploadOptions
        {
            CheckpointDirectory = harness.CheckpointDirectory,
            Acl = ObjectAcl.PublicRead,
            GrantReadAcp = "id=\"100000000002\"",
            Tags = AwkwardTags,
            ServerSideEncryption = CosServerSideEncryption.SseKms("kms-key-1", new Dictionary<string, string> { ["app"] = "tests" }),
        };

        var result = await client.UploadFileAsync(Bucket, "settings.bin", harness.WriteFile(RandomBytes(length)), options);
        result.PartCount.ShouldBe(length > MiB ? 3 : 0);

        var head = await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "settings.bin" });
        head.ServerSideEncryption.ShouldBe(ServerSideEncryption.CosKms);
        head.SseKmsKeyId.ShouldBe("kms-key-1");
        head.TaggingCount.ShouldBe(AwkwardTags.Count);
        (await TagsAsync(client, "settings.bin")).ShouldBe(AwkwardTags, ignoreOrder: true);
        (await GrantsAsync(client, "settings.bin")).ShouldBe(
            [(Owner, Permission.FullControl), (AllUsers, Permission.Read), (OtherAccount, Permission.ReadAcp)],
            ignoreOrder: true);
    }

    [Fact]
    public async Task A_stream_of_unknown_length_gets_SSE_COS_and_tags_on_its_multipart_upload()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var data = RandomBytes((3 * MiB) + 5, seed: 3);

        var result = await client.UploadAsync(Bucket, "stream.bin", new NonSeekableStream(data), new CosUploadOptions { ServerSideEncryption = CosServerSideEncryption.SseCos, Tags = new Dictionary<string, string> { ["kind"] = "stream" } });

        result.PartCount.ShouldBeGreaterThan(1);
        (await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "stream.bin" })).ServerSideEncryption.ShouldBe(ServerSideEncryption.Aes256);
        (await TagsAsync(client, "stream.bin")).ShouldBe(new Dictionary<string, string> { ["kind"] = "stream" });
    }

    [Fact]
    public async Task Every_part_carries_the_SSE_C_key_and_the_traffic_limit_and_Complete_carries_neither()
    {
        await using var harness = await StartAsync();
        var key = Key32(1);
        var sent = new ConcurrentQueue<(string Query, string Method, IReadOnlyDictionary<string, string> Headers)>();
        using var client = harness.TamperingClient(null, beforeSend: (request, _) =>
        {
            sent.Enqueue((request.RequestUri!.Query, request.Method.Method, request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value))));
            return Task.CompletedTask;
        });
        var data = RandomBytes((3 * MiB) + 7, seed: 4);

        await client.UploadFileAsync(Bucket, "ssec.bin", harness.WriteFile(data), new CosUploadOptions
        {
            CheckpointDirectory = harness.CheckpointDirectory,
            ServerSideEncryption = CosServerSideEncryption.SseC(key),
            TrafficLimit = 8_388_608,
        });

        var keyMd5 = Convert.ToBase64String(MD5.HashData(key));
        var parts = sent.Where(r => r.Query.Contains("partNumber=", StringComparison.Ordinal)).ToList();
        parts.Count.ShouldBe(4);
        foreach (var part in parts)
        {
            part.Headers["x-cos-traffic-limit"].ShouldBe("8388608");
            part.Headers["x-cos-server-side-encryption-customer-algorithm"].ShouldBe("AES256");
            part.Headers["x-cos-server-side-encryption-customer-key"].ShouldBe(Convert.ToBase64String(key));
            part.Headers["x-cos-server-side-encryption-customer-key-md5"].ShouldBe(keyMd5);
        }

        var initiate = sent.Single(r => r.Method == "POST" && r.Query.Contains("uploads", StringComparison.Ordinal));
        initiate.Headers["x-cos-server-side-encryption-customer-key-md5"].ShouldBe(keyMd5);
        initiate.Headers.ShouldNotContainKey("x-cos-traffic-limit");
        var complete = sent.Single(r => r.Method == "POST" && r.Query.Contains("uploadId=", StringComparison.Ordinal));
        complete.Headers.Keys.ShouldNotContain(h => h.StartsWith("x-cos-server-side-encryption", StringComparison.Ordinal) || h == "x-cos-traffic-limit");

        // Stored with SSE-C: a read without the key is refused, one with it gets the bytes.
        (await Should.ThrowAsync<CosException>(() => client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "ssec.bin" }))).StatusCode.ShouldBe(400);
        var head = await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "ssec.bin", SseCustomerAlgorithm = "AES256", SseCustomerKey = Convert.ToBase64String(key), SseCustomerKeyMd5 = keyMd5 });
        head.SseCustomerKeyMd5.ShouldBe(keyMd5);
        using var output = new MemoryStream();
        await client.DownloadAsync(Bucket, "ssec.bin", output, new CosDownloadOptions { CustomerKey = CosServerSideEncryption.SseC(key) });
        output.ToArray().ShouldBe(data);
    }

    [Fact]
    public async Task A_single_PUT_carries_the_SSE_C_key_and_the_traffic_limit()
    {
        await using var harness = await StartAsync();
        var key = Key32(2);
        var puts = new ConcurrentQueue<IReadOnlyDictionary<string, string>>();
        using var client = harness.TamperingClient(null, beforeSend: (request, _) =>
        {
            if (request.Method == HttpMethod.Put)
            {
                puts.Enqueue(request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value)));
            }

            return Task.CompletedTask;
        });
        var data = RandomBytes(1000, seed: 5);

        var result = await client.UploadFileAsync(Bucket, "small-ssec.bin", harness.WriteFile(data), new CosUploadOptions { ServerSideEncryption = CosServerSideEncryption.SseC(key), TrafficLimit = 819200 });

        result.PartCount.ShouldBe(0);
        puts.Single()["x-cos-traffic-limit"].ShouldBe("819200");
        puts.Single()["x-cos-server-side-encryption-customer-key-md5"].ShouldBe(Convert.ToBase64String(MD5.HashData(key)));
        using var output = new MemoryStream();
        (await Should.ThrowAsync<CosException>(() => client.DownloadAsync(Bucket, "small-ssec.bin", output))).StatusCode.ShouldBe(400);
        await client.DownloadAsync(Bucket, "small-ssec.bin", output, new CosDownloadOptions { CustomerKey = CosServerSideEncryption.SseC(key) });
        output.ToArray().ShouldBe(data);
    }

    [Fact]
    public async Task An_SSE_C_upload_resumes_with_its_key_and_its_checkpoint_holds_neither_the_key_nor_its_MD5()
    {
        await using var harness = await StartAsync();
        var key = Key32(3);
        var data = RandomBytes(6 * MiB, seed: 6);
        var path = harness.WriteFile(data);
        var options = new CosUploadOptions { CheckpointDirectory = harness.CheckpointDirectory, ServerSideEncryption = CosServerSideEncryption.SseC(key) };
        var uploadId = await UploadThreePartsThenCancelAsync(harness, path, "resume-ssec.bin", options);

        var checkpoint = File.ReadAllText(Directory.GetFiles(harness.CheckpointDirectory).Single());
        checkpoint.ShouldNotContain(Convert.ToBase64String(key));
        checkpoint.ShouldNotContain(Convert.ToHexString(key), Case.Insensitive);
        checkpoint.ShouldNotContain(Convert.ToBase64String(MD5.HashData(key)));
        checkpoint.ShouldContain(uploadId);

        var parts = harness.CountRequests("UploadPart");
        using var client = harness.Client();
        var result = await client.UploadFileAsync(Bucket, "resume-ssec.bin", path, new CosUploadOptions { CheckpointDirectory = harness.CheckpointDirectory, ServerSideEncryption = CosServerSideEncryption.SseC(key) });

        result.UploadId.ShouldBe(uploadId);
        parts.Fired.ShouldBe(3); // the emulator refuses a part of an SSE-C upload without its key
        using var output = new MemoryStream();
        await client.DownloadAsync(Bucket, "resume-ssec.bin", output, new CosDownloadOptions { CustomerKey = CosServerSideEncryption.SseC(key) });
        output.ToArray().ShouldBe(data);
    }

    [Fact]
    public async Task Another_SSE_C_key_or_other_settings_start_a_new_upload_instead_of_resuming()
    {
        await using var harness = await StartAsync();
        var data = RandomBytes(6 * MiB, seed: 7);
        var path = harness.WriteFile(data);
        var first = await UploadThreePartsThenCancelAsync(harness, path, "rekey.bin", new CosUploadOptions { CheckpointDirectory = harness.CheckpointDirectory, ServerSideEncryption = CosServerSideEncryption.SseC(Key32(4)) });

        using var client = harness.Client();
        var newKey = Key32(5);
        var result = await client.UploadFileAsync(Bucket, "rekey.bin", path, new CosUploadOptions { CheckpointDirectory = harness.CheckpointDirectory, ServerSideEncryption = CosServerSideEncryption.SseC(newKey) });

        result.UploadId.ShouldNotBe(first);
        using var output = new MemoryStream();
        await client.DownloadAsync(Bucket, "rekey.bin", output, new CosDownloadOptions { CustomerKey = CosServerSideEncryption.SseC(newKey) });
        output.ToArray().ShouldBe(data);

        // Tags changed since an upload without SSE-C was interrupted: the listing does not find that upload again either.
        var second = await UploadThreePartsThenCancelAsync(harness, path, "retag.bin", new CosUploadOptions { CheckpointDirectory = harness.CheckpointDirectory, Tags = new Dictionary<string, string> { ["v"] = "1" } });
        var retagged = await client.UploadFileAsync(Bucket, "retag.bin", path, new CosUploadOptions { CheckpointDirectory = harness.CheckpointDirectory, Tags = new Dictionary<string, string> { ["v"] = "2" } });
        retagged.UploadId.ShouldNotBe(second);
        (await TagsAsync(client, "retag.bin")).ShouldBe(new Dictionary<string, string> { ["v"] = "2" });
    }

    [Fact]
    public async Task Without_its_checkpoint_an_SSE_C_upload_is_not_looked_up_with_ListMultipartUploads()
    {
        await using var harness = await StartAsync();
        var key = Key32(6);
        var data = RandomBytes(6 * MiB, seed: 8);
        var path = harness.WriteFile(data);
        var first = await UploadThreePartsThenCancelAsync(harness, path, "nolist.bin", new CosUploadOptions { CheckpointDirectory = harness.CheckpointDirectory, ServerSideEncryption = CosServerSideEncryption.SseC(key) });
        foreach (var file in Directory.GetFiles(harness.CheckpointDirectory))
        {
            File.Delete(file);
        }

        var listed = harness.CountRequests("ListMultipartUploads");
        using var client = harness.Client();
        var result = await client.UploadFileAsync(Bucket, "nolist.bin", path, new CosUploadOptions { CheckpointDirectory = harness.CheckpointDirectory, ServerSideEncryption = CosServerSideEncryption.SseC(key) });

        listed.Fired.ShouldBe(0);
        result.UploadId.ShouldNotBe(first);
    }

    [Fact]
    public async Task Tags_over_COS_limits_and_an_out_of_range_traffic_limit_are_refused_before_anything_is_sent()
    {
        await using var harness = await StartAsync();
        var any = harness.Emulator.Faults.Add(new Cos.Emulator.Faults.FaultRule());
        using var client = harness.Client();
        var path = harness.WriteFile(RandomBytes((2 * MiB) + 1));

        Dictionary<string, string>[] bad =
        [
            new(Enumerable.Range(1, 11).Select(i => KeyValuePair.Create($"k{i}", "v"))),
            new() { [new string('k', 129)] = "v" },
            new() { ["k"] = new string('v', 257) },
            new() { [""] = "v" },
        ];
        foreach (var tags in bad)
        {
            var error = await Should.ThrowAsync<ArgumentException>(() => client.UploadFileAsync(Bucket, "bad.bin", path, new CosUploadOptions { Tags = tags }));
            error.ParamName.ShouldBe("Tags");
        }

        foreach (var limit in new long[] { 819199, 838860801, 0 })
        {
            (await Should.ThrowAsync<ArgumentOutOfRangeException>(() => client.UploadFileAsync(Bucket, "bad.bin", path, new CosUploadOptions { TrafficLimit = limit }))).ParamName.ShouldBe("TrafficLimit");
        }

        (await Should.ThrowAsync<ArgumentException>(() => client.UploadFilesAsync([new CosFileUpload(Bucket, "bad.bin", path) { Options = new CosUploadOptions { Tags = bad[0] } }]))).ParamName.ShouldBe("Tags");
        any.Fired.ShouldBe(0);

        // The limits themselves are allowed: 10 tags, a 128-character key, a 256-character value.
        var edge = new Dictionary<string, string>(Enumerable.Range(1, 9).Select(i => KeyValuePair.Create($"k{i}", "v"))) { [new string('k', 128)] = new string('v', 256) };
        await client.UploadFileAsync(Bucket, "edge.bin", path, new CosUploadOptions { Tags = edge, TrafficLimit = 838860800 });
        (await TagsAsync(client, "edge.bin")).ShouldBe(edge, ignoreOrder: true);
    }

    [Fact]
    public async Task A_directory_upload_gives_every_file_the_ACL_tags_and_encryption()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var root = Path.Combine(harness.TempDirectory, "site");
        Directory.CreateDirectory(Path.Combine(root, "css"));
        File.WriteAllBytes(Path.Combine(root, "index.html"), RandomBytes(100, seed: 9));
        File.WriteAllBytes(Path.Combine(root, "css", "site.css"), RandomBytes(200, seed: 10));
        File.WriteAllBytes(Path.Combine(root, "big.bin"), RandomBytes((2 * MiB) + 9, seed: 11)); // multipart
        var tags = new Dictionary<string, string> { ["release"] = "2026.12" };

        var batch = await client.UploadDirectoryAsync(Bucket, root, new CosDirectoryUploadOptions
        {
            KeyPrefix = "site/",
            UploadOptions = new CosUploadOptions { CheckpointDirectory = harness.CheckpointDirectory, Acl = ObjectAcl.PublicRead, Tags = tags, ServerSideEncryption = CosServerSideEncryption.SseCos },
        });

        batch.ThrowIfAnyFailed();
        foreach (var key in new[] { "site/index.html", "site/css/site.css", "site/big.bin" })
        {
            (await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = key })).ServerSideEncryption.ShouldBe(ServerSideEncryption.Aes256, key);
            (await TagsAsync(client, key)).ShouldBe(tags, key);
            (await GrantsAsync(client, key)).ShouldContain((AllUsers, Permission.Read), key);
        }
    }

    [Fact]
    public async Task A_queued_upload_carries_its_SSE_C_key_through_a_pause_and_restart()
    {
        await using var harness = await StartAsync();
        var key = Key32(7);
        var data = RandomBytes(4 * MiB, seed: 12);
        var path = harness.WriteFile(data);
        var gate = new TaskCompletionSource();
        var partsSeen = 0;
        using var client = harness.TamperingClient(null, parallel: 1, beforeSend: async (request, token) =>
        {
            if (request.RequestUri!.Query.Contains("partNumber=", StringComparison.Ordinal) && Interlocked.Increment(ref partsSeen) == 2)
            {
                gate.TrySetResult();
                await Task.Delay(Timeout.Infinite, token); // held until the pause cancels it
            }
        });
        await using var queue = new CosUploadQueue(client);
        var task = queue.Enqueue(Bucket, "queued.bin", path, new CosUploadOptions { CheckpointDirectory = harness.CheckpointDirectory, ServerSideEncryption = CosServerSideEncryption.SseC(key) });
        await gate.Task.WaitAsync(TimeSpan.FromSeconds(20));
        task.Pause().ShouldBeTrue();
        await queue.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var parts = harness.CountRequests("UploadPart");
        task.Restart().ShouldBeTrue();

        (await task.WaitAsync().WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(CosUploadTaskState.Success);
        parts.Fired.ShouldBe(3); // parts 2-4 again, with the key (part 1 was kept)
        using var output = new MemoryStream();
        await client.DownloadAsync(Bucket, "queued.bin", output, new CosDownloadOptions { CustomerKey = CosServerSideEncryption.SseC(key) });
        output.ToArray().ShouldBe(data);
    }

    [Fact]
    public async Task A_lost_Complete_answer_of_an_SSE_C_upload_is_settled_by_a_HEAD_that_carries_the_key()
    {
        await using var harness = await StartAsync();
        using var client = harness.Client();
        var key = Key32(8);
        var data = RandomBytes((2 * MiB) + 1, seed: 13);
        var lost = harness.Emulator.Faults.Add(new Cos.Emulator.Faults.FaultRule { Operation = "CompleteMultipartUpload", Times = 1, ResetConnectionAfterBytes = 5 });
        var heads = harness.CountRequests("HeadObject");

        var result = await client.UploadFileAsync(Bucket, "lost-complete.bin", harness.WriteFile(data), new CosUploadOptions { CheckpointDirectory = harness.CheckpointDirectory, ServerSideEncryption = CosServerSideEncryption.SseC(key) });

        lost.Fired.ShouldBe(1);
        heads.Fired.ShouldBe(1); // the emulator refuses a HEAD of an SSE-C object without its key
        result.Crc64.ShouldBe(Cos.Generated.Integrity.CosCrc64.Compute(data));
    }

    /// <summary>Uploads with one part in flight and cancels once the server has answered part 3; returns the kept upload id.</summary>
    private static async Task<string> UploadThreePartsThenCancelAsync(UploadHarness harness, string path, string key, CosUploadOptions options)
    {
        using var cancel = new CancellationTokenSource();
        using var client = harness.TamperingClient(
            (request, _) =>
            {
                var query = request.RequestUri!.Query;
                if (query.Contains("partNumber=3&", StringComparison.Ordinal) || query.EndsWith("partNumber=3", StringComparison.Ordinal))
                {
                    cancel.Cancel();
                }
            },
            parallel: 1);

        await Should.ThrowAsync<OperationCanceledException>(() => client.UploadFileAsync(Bucket, key, path, options, cancellationToken: cancel.Token));
        var uploads = await harness.ListUploadsAsync(client, key);
        uploads.Count.ShouldBe(1); // kept for a resume
        return uploads[0].UploadId!;
    }

    private static async Task<Dictionary<string, string>> TagsAsync(CosClient client, string key) =>
        (await client.GetObjectTaggingAsync(new GetObjectTaggingRequest { Bucket = Bucket, Key = key })).TagSet.ToDictionary(t => t.Key, t => t.Value);

    private static async Task<List<(string? Grantee, Permission? Permission)>> GrantsAsync(CosClient client, string key) =>
        [.. (await client.GetObjectAclAsync(new GetObjectAclRequest { Bucket = Bucket, Key = key })).Grants.Select(g => (g.Grantee.URI ?? g.Grantee.ID, g.Permission))];

    /// <summary>A stream that cannot seek, so its length is unknown.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
    }
}
