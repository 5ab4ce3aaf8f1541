using System.Security.Cryptography;
using System.Text;
using Cos.Generated;

namespace Cos.Emulator.Tests;

/// <summary>
/// The headers COS takes on writes and reads of objects, as a client observes them: <c>x-cos-tagging</c> (and the tagging
/// directive of a copy) with COS's tag limits, the ACL headers of an upload, server-side encryption (SSE-COS, SSE-KMS,
/// SSE-C, a bucket's default encryption) echoed on writes and reads, and the range of <c>x-cos-traffic-limit</c>.
/// </summary>
public sealed class ObjectHeaderTests : IAsyncLifetime
{
    private CosEmulator _cos = null!;
    private CosClient _client = null!;

    public async Task InitializeAsync()
    {
        _cos = await Emulators.StartAsync();
        _client = Emulators.Client(_cos);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _cos.DisposeAsync();
    }

    [Fact]
    public async Task X_cos_tagging_on_upload_becomes_the_objects_tags()
    {
        await PutAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "t.txt", Body = Body("x"), Tagging = "team=storage&note=two%20words&empty=" });

        var tags = await _client.GetObjectTaggingAsync(new GetObjectTaggingRequest { Bucket = Emulators.Bucket, Key = "t.txt" });
        tags.TagSet.Select(t => (t.Key, t.Value)).ShouldBe([("team", "storage"), ("note", "two words"), ("empty", "")]);
        (await _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "t.txt" })).TaggingCount.ShouldBe(3);
        await using var get = await _client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "t.txt" });
        get.TaggingCount.ShouldBe(3);

        (await _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "t.txt" }) is { TaggingCount: 3 }).ShouldBeTrue();
        await PutAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "untagged.txt", Body = Body("x") });
        (await _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "untagged.txt" })).TaggingCount.ShouldBeNull();
    }

    [Fact]
    public async Task Tags_over_COS_limits_are_refused_with_InvalidTag()
    {
        var eleven = string.Join("&", Enumerable.Range(1, 11).Select(i => $"k{i}=v"));
        (await Should.ThrowAsync<CosException>(() => PutAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "many.txt", Body = Body("x"), Tagging = eleven })))
            .ErrorCode.ShouldBe("InvalidTag");
        (await Should.ThrowAsync<CosException>(() => _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "many.txt" }))).StatusCode.ShouldBe(404, "nothing was stored");

        await PutAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "o.txt", Body = Body("x") });
        async Task<string?> PutTags(params Tag[] tags) =>
            (await Should.ThrowAsync<CosException>(() => _client.PutObjectTaggingAsync(new PutObjectTaggingRequest { Bucket = Emulators.Bucket, Key = "o.txt", TagSet = tags }))).ErrorCode;
        (await PutTags([.. Enumerable.Range(1, 11).Select(i => new Tag { Key = $"k{i}", Value = "v" })])).ShouldBe("InvalidTag");
        (await PutTags(new Tag { Key = new string('k', 129), Value = "v" })).ShouldBe("InvalidTag");
        (await PutTags(new Tag { Key = "k", Value = new string('v', 257) })).ShouldBe("InvalidTag");
        (await PutTags(new Tag { Key = "k", Value = "1" }, new Tag { Key = "k", Value = "2" })).ShouldBe("InvalidTag");

        // The limits themselves are allowed: 10 tags, a 128-character key, a 256-character value.
        await _client.PutObjectTaggingAsync(new PutObjectTaggingRequest
        {
            Bucket = Emulators.Bucket, Key = "o.txt",
            TagSet = [new Tag { Key = new string('k', 128), Value = new string('v', 256) }, .. Enumerable.Range(1, 9).Select(i => new Tag { Key = $"k{i}", Value = "v" })],
        });

        // A bucket takes 50.
        await _client.PutBucketTaggingAsync(new PutBucketTaggingRequest { Bucket = Emulators.Bucket, TagSet = [.. Enumerable.Range(1, 50).Select(i => new Tag { Key = $"k{i}", Value = "v" })] });
        (await Should.ThrowAsync<CosException>(() => _client.PutBucketTaggingAsync(new PutBucketTaggingRequest { Bucket = Emulators.Bucket, TagSet = [.. Enumerable.Range(1, 51).Select(i => new Tag { Key = $"k{i}", Value = "v" })] })))
            .ErrorCode.ShouldBe("InvalidTag");
    }

    [Fact]
    public async Task Multipart_uploads_and_copies_carry_tags_as_COS_does()
    {
        var init = await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "m.bin", Tagging = "origin=multipart" });
        var part = await _client.UploadPartAsync(new UploadPartRequest { Bucket = Emulators.Bucket, Key = "m.bin", UploadId = init.UploadId!, PartNumber = 1, Body = Body("abc") });
        await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "m.bin", UploadId = init.UploadId!, Parts = [new CompletedPart { PartNumber = 1, ETag = part.ETag! }] });
        (await TagsOf("m.bin")).ShouldBe([("origin", "multipart")]);

        var source = $"{Emulators.Bucket}.cos.{Emulators.Region}.myqcloud.com/m.bin";
        await _client.PutObjectCopyAsync(new PutObjectCopyRequest { Bucket = Emulators.Bucket, Key = "copied.bin", CopySource = source, Tagging = "ignored=yes" });
        (await TagsOf("copied.bin")).ShouldBe([("origin", "multipart")], "the default directive (Copy) keeps the source's tags");

        await _client.PutObjectCopyAsync(new PutObjectCopyRequest { Bucket = Emulators.Bucket, Key = "replaced.bin", CopySource = source, Tagging = "origin=copy", TaggingDirective = TaggingDirective.Replaced });
        (await TagsOf("replaced.bin")).ShouldBe([("origin", "copy")]);
    }

    [Fact]
    public async Task The_ACL_headers_of_an_upload_become_the_objects_ACL()
    {
        await PutAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "public.txt", Body = Body("x"), Acl = ObjectAcl.PublicRead, GrantReadAcp = "id=\"100000000002\"" });
        var acl = await _client.GetObjectAclAsync(new GetObjectAclRequest { Bucket = Emulators.Bucket, Key = "public.txt" });
        acl.Grants.Select(g => (g.Grantee.URI ?? g.Grantee.ID, g.Permission)).ShouldBe(
        [
            ("qcs::cam::uin/100000000001:uin/100000000001", Permission.FullControl), // the emulator's default OwnerId,
            ("http://cam.qcloud.com/groups/global/AllUsers", Permission.Read),
            ("qcs::cam::uin/100000000002:uin/100000000002", Permission.ReadAcp),
        ]);
    }

    [Fact]
    public async Task The_first_append_sets_the_ACL_and_later_ones_keep_it()
    {
        await _client.AppendObjectAsync(new AppendObjectRequest { Bucket = Emulators.Bucket, Key = "log.txt", Position = 0, Body = Body("a"), ContentLength = 1, Acl = ObjectAcl.PublicRead });
        await _client.AppendObjectAsync(new AppendObjectRequest { Bucket = Emulators.Bucket, Key = "log.txt", Position = 1, Body = Body("b"), ContentLength = 1, Acl = ObjectAcl.Private });
        var acl = await _client.GetObjectAclAsync(new GetObjectAclRequest { Bucket = Emulators.Bucket, Key = "log.txt" });
        acl.Grants.ShouldContain(g => g.Grantee.URI == "http://cam.qcloud.com/groups/global/AllUsers" && g.Permission == Permission.Read);
    }

    [Fact]
    public async Task Server_side_encryption_is_echoed_on_writes_and_reads()
    {
        var cos = await PutAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "sse-cos.txt", Body = Body("x"), ServerSideEncryption = ServerSideEncryption.Aes256 });
        cos.ServerSideEncryption.ShouldBe(ServerSideEncryption.Aes256);
        (await _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "sse-cos.txt" })).ServerSideEncryption.ShouldBe(ServerSideEncryption.Aes256);

        var kms = await PutAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "sse-kms.txt", Body = Body("x"), ServerSideEncryption = ServerSideEncryption.CosKms, SseKmsKeyId = "key-1" });
        (kms.ServerSideEncryption, kms.SseKmsKeyId).ShouldBe((ServerSideEncryption.CosKms, "key-1"));
        await using (var get = await _client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "sse-kms.txt" }))
        {
            (get.ServerSideEncryption, get.SseKmsKeyId).ShouldBe((ServerSideEncryption.CosKms, "key-1"));
        }

        (await _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "sse-kms.txt" })).SseKmsKeyId.ShouldBe("key-1");
        var plain = await PutAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "plain.txt", Body = Body("x") });
        plain.ServerSideEncryption.ShouldBeNull();

        (await Should.ThrowAsync<CosException>(() => PutAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "bad.txt", Body = Body("x"), ServerSideEncryption = new ServerSideEncryption("DES") })))
            .ErrorCode.ShouldBe("InvalidArgument");
    }

    [Fact]
    public async Task A_buckets_default_encryption_applies_to_objects_written_without_their_own()
    {
        await _client.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            Bucket = Emulators.Bucket,
            Rule = new BucketEncryptionRule { ApplyServerSideEncryptionByDefault = new BucketEncryptionDefault { SseAlgorithm = BucketEncryptionAlgorithm.Aes256 } },
        });
        (await PutAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "d.txt", Body = Body("x") })).ServerSideEncryption.ShouldBe(ServerSideEncryption.Aes256);
        (await _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "d.txt" })).ServerSideEncryption.ShouldBe(ServerSideEncryption.Aes256);
        var init = await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "m.bin" });
        init.ServerSideEncryption.ShouldBe(ServerSideEncryption.Aes256);

        // The object's own choice wins over the default.
        var kms = await PutAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "k.txt", Body = Body("x"), ServerSideEncryption = ServerSideEncryption.CosKms });
        kms.ServerSideEncryption.ShouldBe(ServerSideEncryption.CosKms);

        await _client.DeleteBucketEncryptionAsync(new DeleteBucketEncryptionRequest { Bucket = Emulators.Bucket });
        (await PutAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "after.txt", Body = Body("x") })).ServerSideEncryption.ShouldBeNull();
    }

    [Fact]
    public async Task An_SSE_C_object_is_read_only_with_its_key()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var (algorithm, base64, md5) = ("AES256", Convert.ToBase64String(key), Convert.ToBase64String(MD5.HashData(key)));
        var put = await PutAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "c.txt", Body = Body("secret"), SseCustomerAlgorithm = algorithm, SseCustomerKey = base64, SseCustomerKeyMd5 = md5 });
        (put.SseCustomerAlgorithm, put.SseCustomerKeyMd5).ShouldBe((algorithm, md5));

        await using (var get = await _client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "c.txt", SseCustomerAlgorithm = algorithm, SseCustomerKey = base64, SseCustomerKeyMd5 = md5 }))
        {
            (await new StreamReader(get.Body).ReadToEndAsync()).ShouldBe("secret");
            get.SseCustomerKeyMd5.ShouldBe(md5);
        }

        (await Should.ThrowAsync<CosException>(() => _client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "c.txt" }))).StatusCode.ShouldBe(400);
        var other = RandomNumberGenerator.GetBytes(32);
        (await Should.ThrowAsync<CosException>(() => _client.HeadObjectAsync(new HeadObjectRequest
        {
            Bucket = Emulators.Bucket, Key = "c.txt", SseCustomerAlgorithm = algorithm, SseCustomerKey = Convert.ToBase64String(other), SseCustomerKeyMd5 = Convert.ToBase64String(MD5.HashData(other)),
        }))).StatusCode.ShouldBe(400);

        // A key whose MD5 is not the one sent is refused before anything is stored.
        (await Should.ThrowAsync<CosException>(() => PutAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "c2.txt", Body = Body("x"), SseCustomerAlgorithm = algorithm, SseCustomerKey = base64, SseCustomerKeyMd5 = Convert.ToBase64String(new byte[16]) })))
            .ErrorCode.ShouldBe("InvalidArgument");
    }

    [Fact]
    public async Task A_traffic_limit_outside_COS_range_is_refused()
    {
        // Our client refuses such a limit before sending (the spec's min/max); the emulator refuses it from any client.
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => PutAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "slow.txt", Body = Body("x"), TrafficLimit = 819199 }));
        await PutAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "ok.txt", Body = Body("x"), TrafficLimit = 819200 });
        await using (var get = await _client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "ok.txt", TrafficLimit = 838860800 }))
        {
            get.ContentLength.ShouldBe(1);
        }

        foreach (var (method, limit) in new[] { (HttpMethod.Put, "819199"), (HttpMethod.Get, "838860801") })
        {
            var raw = RawRequests.Create(_cos, method, "/ok.txt", headers: new Dictionary<string, string> { ["x-cos-traffic-limit"] = limit });
            var (status, body, _) = await RawRequests.SendAsync(_cos, raw);
            status.ShouldBe(400);
            body.ShouldContain("<Code>InvalidArgument</Code>");
        }
    }

    [Fact]
    public async Task PUT_Bucket_takes_tags_and_an_ACL_from_its_headers()
    {
        const string bucket = "headerbucket-1250000000";
        await _client.PutBucketAsync(new PutBucketRequest { Bucket = bucket, Tagging = "env=test", Acl = BucketAcl.PublicRead });
        (await _client.GetBucketTaggingAsync(new GetBucketTaggingRequest { Bucket = bucket })).TagSet.Select(t => (t.Key, t.Value)).ShouldBe([("env", "test")]);
        var acl = await _client.GetBucketAclAsync(new GetBucketAclRequest { Bucket = bucket });
        acl.Grants.ShouldContain(g => g.Grantee.URI == "http://cam.qcloud.com/groups/global/AllUsers" && g.Permission == Permission.Read);
    }

    private Task<PutObjectResponse> PutAsync(PutObjectRequest request) => _client.PutObjectAsync(request);

    private async Task<List<(string, string)>> TagsOf(string key) =>
        [.. (await _client.GetObjectTaggingAsync(new GetObjectTaggingRequest { Bucket = Emulators.Bucket, Key = key })).TagSet.Select(t => (t.Key, t.Value))];

    private static MemoryStream Body(string text) => new(Encoding.UTF8.GetBytes(text));
}
