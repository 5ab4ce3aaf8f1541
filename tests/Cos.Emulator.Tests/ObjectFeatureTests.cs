using System.Security.Cryptography;
using Cos.Generated;

namespace Cos.Emulator.Tests;

public sealed class ObjectFeatureTests : IAsyncLifetime
{
    private static readonly byte[] Body = Emulators.Bytes(1000, seed: 7);
    private CosEmulator _cos = null!;
    private CosClient _client = null!;
    private string _etag = null!;

    public async Task InitializeAsync()
    {
        _cos = await Emulators.StartAsync();
        _client = Emulators.Client(_cos);
        _etag = (await _client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "obj.bin", Body = new MemoryStream(Body) })).ETag!;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _cos.DisposeAsync();
    }

    [Theory]
    [InlineData("bytes=0-9", 0, 10)]
    [InlineData("bytes=10-", 10, 990)]
    [InlineData("bytes=-100", 900, 100)]
    [InlineData("bytes=-5000", 0, 1000)]
    [InlineData("bytes=990-5000", 990, 10)]
    [InlineData("bytes=999-999", 999, 1)]
    public async Task Range_returns_206_with_content_range(string range, int start, int length)
    {
        await using var get = await _client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "obj.bin", Range = range });
        get.ContentRange.ShouldBe($"bytes {start}-{start + length - 1}/1000");
        get.ContentLength.ShouldBe(length);
        (await Emulators.ReadAllAsync(get.Body)).ShouldBe(Body.AsSpan(start, length).ToArray());
        get.Crc64.ShouldBe(Generated.Integrity.CosCrc64.Compute(Body), "the CRC-64 header is of the whole object");
    }

    [Theory]
    [InlineData("bytes=1000-")]
    [InlineData("bytes=5000-6000")]
    [InlineData("bytes=-0")]
    public async Task Unsatisfiable_range_is_416_InvalidRange(string range)
    {
        var (status, body, response) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Get, "/obj.bin", headers: new Dictionary<string, string> { ["Range"] = range }));
        status.ShouldBe(416);
        body.ShouldContain("<Code>InvalidRange</Code>");
        response.Content.Headers.ContentRange!.ToString().ShouldBe("bytes */1000");
    }

    [Fact]
    public async Task Conditional_get_304_and_412_in_rfc_7232_order()
    {
        async Task<int> Get(params (string Name, string Value)[] headers)
        {
            var (status, _, _) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Get, "/obj.bin", headers: headers.ToDictionary(h => h.Name, h => h.Value)));
            return status;
        }

        var past = DateTimeOffset.UtcNow.AddDays(-1).ToString("r");
        var future = DateTimeOffset.UtcNow.AddDays(1).ToString("r");
        (await Get(("If-None-Match", _etag))).ShouldBe(304);
        (await Get(("If-None-Match", "\"other\""))).ShouldBe(200);
        (await Get(("If-Match", _etag))).ShouldBe(200);
        (await Get(("If-Match", "\"other\""))).ShouldBe(412);
        (await Get(("If-Modified-Since", future))).ShouldBe(304);
        (await Get(("If-Modified-Since", past))).ShouldBe(200);
        (await Get(("If-Unmodified-Since", past))).ShouldBe(412);
        (await Get(("If-Match", _etag), ("If-Unmodified-Since", past))).ShouldBe(200, "If-Match wins over If-Unmodified-Since");
        (await Get(("If-None-Match", "\"other\""), ("If-Modified-Since", future))).ShouldBe(200, "If-None-Match wins over If-Modified-Since");

        var error = await Should.ThrowAsync<CosException>(() => _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "obj.bin", IfMatch = "\"nope\"" }));
        error.StatusCode.ShouldBe(412);
    }

    [Fact]
    public async Task The_typed_client_takes_304_as_NotModified_not_as_an_error()
    {
        await using (var get = await _client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "obj.bin", IfNoneMatch = _etag }))
        {
            get.StatusCode.ShouldBe(304);
            get.NotModified.ShouldBeTrue();
            (await Emulators.ReadAllAsync(get.Body)).ShouldBeEmpty();
        }

        var head = await _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "obj.bin", IfModifiedSince = DateTimeOffset.UtcNow.AddDays(1) });
        head.NotModified.ShouldBeTrue();

        await using var changed = await _client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "obj.bin", IfNoneMatch = "\"other\"" });
        changed.NotModified.ShouldBeFalse();
        (await Emulators.ReadAllAsync(changed.Body)).ShouldBe(Body);
    }

    [Fact]
    public async Task Metadata_and_content_headers_round_trip_and_response_overrides()
    {
        await _client.PutObjectAsync(new PutObjectRequest
        {
            Bucket = Emulators.Bucket,
            Key = "meta.txt",
            Body = new MemoryStream("hello"u8.ToArray()),
            ContentType = "text/plain; charset=utf-8",
            CacheControl = "max-age=60",
            ContentDisposition = "attachment; filename=\"a.txt\"",
            ContentEncoding = "identity",
            Expires = "Wed, 21 Oct 2037 07:28:00 GMT",
            StorageClass = StorageClass.StandardIa,
            Metadata = new Dictionary<string, string> { ["author"] = "Zhang San", ["project"] = "cos" },
        });

        var head = await _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "meta.txt" });
        head.ContentType.ShouldBe("text/plain; charset=utf-8");
        head.CacheControl.ShouldBe("max-age=60");
        head.ContentDisposition.ShouldBe("attachment; filename=\"a.txt\"");
        head.ContentEncoding.ShouldBe("identity");
        head.Expires.ShouldBe("Wed, 21 Oct 2037 07:28:00 GMT");
        head.StorageClass.ShouldBe(StorageClass.StandardIa);
        head.Metadata["author"].ShouldBe("Zhang San");
        head.Metadata["project"].ShouldBe("cos");
        head.LastModified.ShouldNotBeNull();

        await using var get = await _client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "meta.txt", ResponseContentType = "application/x-override", ResponseCacheControl = "no-cache" });
        get.ContentType.ShouldBe("application/x-override");
        get.CacheControl.ShouldBe("no-cache");
        get.Metadata["author"].ShouldBe("Zhang San");
    }

    [Fact]
    public async Task Copy_with_Copy_keeps_metadata_and_Replaced_replaces_it()
    {
        await _client.PutObjectAsync(new PutObjectRequest
        {
            Bucket = Emulators.Bucket, Key = "src.txt", Body = new MemoryStream("source"u8.ToArray()), ContentType = "text/plain",
            Metadata = new Dictionary<string, string> { ["a"] = "1" },
        });
        var source = $"{Emulators.Host}/{Uri.EscapeDataString("src.txt")}";

        var copied = await _client.PutObjectCopyAsync(new PutObjectCopyRequest { Bucket = Emulators.Bucket, Key = "copy 1.txt", CopySource = source });
        copied.ETag.ShouldBe($"\"{Convert.ToHexStringLower(MD5.HashData("source"u8))}\"");
        copied.Crc64.ShouldBe(Generated.Integrity.CosCrc64.Compute("source"u8));
        copied.LastModified.ShouldNotBeNull();
        var head = await _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "copy 1.txt" });
        head.ContentType.ShouldBe("text/plain");
        head.Metadata["a"].ShouldBe("1");

        await _client.PutObjectCopyAsync(new PutObjectCopyRequest
        {
            Bucket = Emulators.Bucket, Key = "copy2.txt", CopySource = source, MetadataDirective = MetadataDirective.Replaced,
            ContentType = "application/json", Metadata = new Dictionary<string, string> { ["b"] = "2" },
        });
        head = await _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "copy2.txt" });
        head.ContentType.ShouldBe("application/json");
        head.Metadata.ContainsKey("a").ShouldBeFalse();
        head.Metadata["b"].ShouldBe("2");

        var failed = await Should.ThrowAsync<CosException>(() => _client.PutObjectCopyAsync(new PutObjectCopyRequest { Bucket = Emulators.Bucket, Key = "copy3.txt", CopySource = source, CopySourceIfMatch = "\"nope\"" }));
        failed.StatusCode.ShouldBe(412);

        var self = await Should.ThrowAsync<CosException>(() => _client.PutObjectCopyAsync(new PutObjectCopyRequest { Bucket = Emulators.Bucket, Key = "src.txt", CopySource = source }));
        self.StatusCode.ShouldBe(400);

        var missing = await Should.ThrowAsync<CosException>(() => _client.PutObjectCopyAsync(new PutObjectCopyRequest { Bucket = Emulators.Bucket, Key = "x", CopySource = $"{Emulators.Host}/missing" }));
        missing.StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task Delete_multiple_objects_quiet_and_verbose()
    {
        foreach (var key in new[] { "d/1", "d/2", "d/3" })
        {
            await _client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = key, Body = new MemoryStream([1]) });
        }

        var verbose = await _client.DeleteMultipleObjectsAsync(new DeleteMultipleObjectsRequest
        {
            Bucket = Emulators.Bucket,
            Objects = [new ObjectIdentifier { Key = "d/1" }, new ObjectIdentifier { Key = "never-existed" }],
        });
        verbose.Deleted.Select(d => d.Key).ShouldBe(["d/1", "never-existed"]);
        verbose.Errors.ShouldBeEmpty();

        var quiet = await _client.DeleteMultipleObjectsAsync(new DeleteMultipleObjectsRequest
        {
            Bucket = Emulators.Bucket,
            Quiet = true,
            Objects = [new ObjectIdentifier { Key = "d/2" }, new ObjectIdentifier { Key = "d/3" }],
        });
        quiet.Deleted.ShouldBeEmpty();
        (await _client.EnumerateObjectsAsync(new GetBucketRequest { Bucket = Emulators.Bucket, Prefix = "d/" }).ToListAsync()).ShouldBeEmpty();

        const string xml = "<Delete><Object><Key>obj.bin</Key></Object></Delete>";
        var (status, body, _) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Post, "/?delete", "<Delete><Object><Key>obj.bin</Key></Object></Delete>"u8.ToArray()));
        status.ShouldBe(400, "Content-MD5 is required");
        body.ShouldContain("InvalidDigest");
        (status, body, _) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Post, "/?delete", System.Text.Encoding.UTF8.GetBytes(xml), new Dictionary<string, string> { ["Content-MD5"] = Convert.ToBase64String(MD5.HashData("other"u8)) }));
        status.ShouldBe(400);
        body.ShouldContain("BadDigest");
    }

    [Fact]
    public async Task Bad_digest_stores_nothing_and_a_good_digest_is_accepted()
    {
        var content = "payload"u8.ToArray();
        var wrong = Convert.ToBase64String(MD5.HashData("something else"u8));
        var (status, body, _) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Put, "/digest.txt", content, new Dictionary<string, string> { ["Content-MD5"] = wrong }));
        status.ShouldBe(400);
        body.ShouldContain("<Code>BadDigest</Code>");
        (await Should.ThrowAsync<CosException>(() => _client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "digest.txt" }))).StatusCode.ShouldBe(404);

        (status, body, _) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Put, "/digest.txt", content, new Dictionary<string, string> { ["Content-MD5"] = "not-base64!" }));
        status.ShouldBe(400);
        body.ShouldContain("InvalidDigest");

        (status, _, _) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Put, "/digest.txt", content, new Dictionary<string, string> { ["Content-MD5"] = Convert.ToBase64String(MD5.HashData(content)) }));
        status.ShouldBe(200);
    }

    [Fact]
    public async Task Missing_key_is_NoSuchKey_with_an_error_body_and_delete_of_missing_key_is_204()
    {
        var error = await Should.ThrowAsync<CosException>(async () =>
        {
            await using var _ = await _client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "nope" });
        });
        error.StatusCode.ShouldBe(404);
        error.ErrorCode.ShouldBe("NoSuchKey");
        error.RequestId.ShouldNotBeNullOrEmpty();
        await _client.DeleteObjectAsync(new DeleteObjectRequest { Bucket = Emulators.Bucket, Key = "nope" });
    }
}
