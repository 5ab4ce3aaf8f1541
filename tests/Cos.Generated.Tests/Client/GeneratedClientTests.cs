using System.Security.Cryptography;
using System.Text;
using Cos.Generated.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Cos.Generated.Tests.Client;

/// <summary>The generated operations, end to end over a real socket to a scripted server.</summary>
public sealed class GeneratedClientTests : IAsyncLifetime
{
    private ScriptedServer _server = null!;
    private CosClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedServer.StartAsync();
        _client = TestClients.Create(_server);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task EnumerateObjects_follows_NextMarker_across_pages_and_keeps_the_other_parameters()
    {
        _server.Enqueue(200, Listing(truncated: true, next: "photos/b", "photos/a", "photos/b"));
        _server.Enqueue(200, Listing(truncated: true, next: "photos/d", "photos/c", "photos/d"));
        _server.Enqueue(200, Listing(truncated: false, next: null, "photos/e"));

        var keys = new List<string>();
        await foreach (var item in _client.EnumerateObjectsAsync(new GetBucketRequest { Bucket = TestClients.Bucket, Prefix = "photos/", MaxKeys = 2 }))
        {
            keys.Add(item.Key!);
        }

        keys.ShouldBe(["photos/a", "photos/b", "photos/c", "photos/d", "photos/e"]);
        _server.Requests.Select(r => r.RawTarget).ShouldBe([
            "/?prefix=photos%2F&max-keys=2",
            "/?prefix=photos%2F&marker=photos%2Fb&max-keys=2",
            "/?prefix=photos%2F&marker=photos%2Fd&max-keys=2",
        ]);
        _server.Requests.ShouldAllBe(r => r.Header("Host") == TestClients.Host);
    }

    [Fact]
    public async Task A_truncated_page_without_a_next_marker_is_an_error_not_an_endless_loop()
    {
        _server.Enqueue(200, Listing(truncated: true, next: null, "a"));

        var pages = _client.GetBucketPagesAsync(new GetBucketRequest { Bucket = TestClients.Bucket });
        var error = await Should.ThrowAsync<CosResponseFormatException>(async () =>
        {
            await foreach (var _ in pages)
            {
            }
        });

        error.Message.ShouldContain("NextMarker");
        _server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task EnumerateMultipartUploads_follows_the_marker_pair()
    {
        _server.Enqueue(200, "<ListMultipartUploadsResult><IsTruncated>true</IsTruncated><NextKeyMarker>k1</NextKeyMarker><NextUploadIdMarker>u1</NextUploadIdMarker><Upload><Key>k1</Key><UploadId>u1</UploadId></Upload></ListMultipartUploadsResult>");
        _server.Enqueue(200, "<ListMultipartUploadsResult><IsTruncated>false</IsTruncated><Upload><Key>k2</Key><UploadId>u2</UploadId></Upload></ListMultipartUploadsResult>");

        var uploads = await _client.EnumerateMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = TestClients.Bucket, Prefix = "k" }).ToListAsync();

        uploads.Select(u => u.UploadId).ShouldBe(["u1", "u2"]);
        _server.Requests[1].RawTarget.ShouldBe("/?uploads&prefix=k&key-marker=k1&upload-id-marker=u1");
    }

    [Fact]
    public async Task EnumerateParts_pages_by_part_number()
    {
        _server.Enqueue(200, "<ListPartsResult><IsTruncated>true</IsTruncated><NextPartNumberMarker>2</NextPartNumberMarker><Part><PartNumber>1</PartNumber><Size>1048576</Size></Part><Part><PartNumber>2</PartNumber><Size>1048576</Size></Part></ListPartsResult>");
        _server.Enqueue(200, "<ListPartsResult><IsTruncated>false</IsTruncated><Part><PartNumber>3</PartNumber><Size>10</Size></Part></ListPartsResult>");

        var parts = await _client.EnumeratePartsAsync(new ListPartsRequest { Bucket = TestClients.Bucket, Key = "big.bin", UploadId = "u1" }).ToListAsync();

        parts.Select(p => p.PartNumber).ShouldBe([1, 2, 3]);
        parts.Sum(p => p.Size!.Value).ShouldBe(2 * 1048576 + 10);
        _server.Requests[1].RawTarget.ShouldBe("/big.bin?uploadId=u1&part-number-marker=2");
    }

    [Fact]
    public async Task PutObject_streams_a_non_seekable_body_to_an_encoded_key_with_a_valid_signature()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var crc = Cos.Generated.Integrity.CosCrc64.Compute(bytes);
        _server.Enqueue(200, headers: new Dictionary<string, string> { ["ETag"] = "\"e\"", ["x-cos-hash-crc64ecma"] = crc.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var result = await _client.PutObjectAsync(new PutObjectRequest
        {
            Bucket = TestClients.Bucket,
            Key = "dir/a b+c(1)!.txt",
            Body = new NonSeekableStream(bytes),
            ContentLength = bytes.Length,
            Metadata = new Dictionary<string, string> { ["author"] = "Zhang San" },
        });

        result.ETag.ShouldBe("\"e\"");
        result.Crc64.ShouldBe(crc); // checked against the bytes sent (a mismatch throws: SingleRequestIntegrityTests)
        result.RequestId.ShouldBe("req-id");
        var received = _server.Requests.Single();
        received.RequestLine.ShouldBe("PUT /dir/a%20b%2Bc%281%29%21.txt HTTP/1.1");
        received.Body.ShouldBe(bytes);
        received.Header("Content-Length").ShouldBe("300000");
        received.Header("x-cos-meta-author").ShouldBe("Zhang San");
        received.Header("Authorization").ShouldBe(SignatureVerifier.Recompute(received, TestClients.SecretId, TestClients.SecretKey));
        SignatureVerifier.ParseAuthorization(received.Header("Authorization")!)["q-header-list"].ShouldBe("content-length;host;x-cos-meta-author");
    }

    [Fact]
    public async Task GetObject_returns_the_body_as_a_stream_with_the_headers()
    {
        var bytes = RandomNumberGenerator.GetBytes(2 * 1024 * 1024);
        _server.Enqueue(async context =>
        {
            context.Response.Headers["x-cos-meta-author"] = "Li Si";
            context.Response.Headers["ETag"] = "\"abc\"";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes);
        });

        await using var result = await _client.GetObjectAsync(new GetObjectRequest { Bucket = TestClients.Bucket, Key = "blob.bin", ResponseContentType = "application/octet-stream" });
        using var copy = new MemoryStream();
        await result.Body.CopyToAsync(copy);

        copy.ToArray().ShouldBe(bytes);
        result.ContentLength.ShouldBe(bytes.Length);
        result.Metadata["author"].ShouldBe("Li Si");
        _server.Requests.Single().RawTarget.ShouldBe("/blob.bin?response-content-type=application%2Foctet-stream");
    }

    [Fact]
    public async Task HeadObject_of_a_missing_key_fails_with_status_and_request_id()
    {
        _server.Enqueue(404, requestId: "head-404");

        var error = await Should.ThrowAsync<CosException>(() => _client.HeadObjectAsync(new HeadObjectRequest { Bucket = TestClients.Bucket, Key = "missing" }));

        error.StatusCode.ShouldBe(404);
        error.ErrorCode.ShouldBe("404");
        error.RequestId.ShouldBe("head-404");
    }

    [Fact]
    public async Task DeleteMultipleObjects_sends_the_xml_body_with_a_matching_md5_and_reads_the_result()
    {
        _server.Enqueue(200, "<DeleteResult><Deleted><Key>a</Key></Deleted><Error><Key>b</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>");

        var result = await _client.DeleteMultipleObjectsAsync(new DeleteMultipleObjectsRequest
        {
            Bucket = TestClients.Bucket,
            Objects = [new ObjectIdentifier { Key = "a" }, new ObjectIdentifier { Key = "b" }],
        });

        result.Deleted.Single().Key.ShouldBe("a");
        result.Errors.Single().Code.ShouldBe(CosErrorCodes.AccessDenied);
        var received = _server.Requests.Single();
        received.RawTarget.ShouldBe("/?delete");
        received.Header("Content-MD5").ShouldBe(Convert.ToBase64String(MD5.HashData(received.Body)));
        Encoding.UTF8.GetString(received.Body).ShouldStartWith("<Delete>");
    }

    [Fact]
    public async Task GetService_lists_every_region_unless_the_request_names_one()
    {
        // The client's default region is for buckets; listing buckets is narrowed only on request.
        _server.Enqueue(200, "<ListAllMyBucketsResult><Buckets><Bucket><Name>a-1250000000</Name></Bucket></Buckets></ListAllMyBucketsResult>");
        _server.Enqueue(200, "<ListAllMyBucketsResult/>");

        var all = await _client.GetServiceAsync(new GetServiceRequest());
        var beijing = await _client.GetServiceAsync(new GetServiceRequest { Region = "ap-beijing" });

        all.Buckets.Single().Name.ShouldBe("a-1250000000");
        beijing.Buckets.ShouldBeEmpty();
        _server.Requests.Select(r => r.Header("Host")).ShouldBe(["service.cos.myqcloud.com", "cos.ap-beijing.myqcloud.com"]);
    }

    private static string Listing(bool truncated, string? next, params string[] keys) =>
        $"<ListBucketResult><Name>{TestClients.Bucket}</Name><IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>"
        + (next is null ? string.Empty : $"<NextMarker>{next}</NextMarker>")
        + string.Concat(keys.Select(k => $"<Contents><Key>{k}</Key><Size>1</Size></Contents>"))
        + "</ListBucketResult>";
}
