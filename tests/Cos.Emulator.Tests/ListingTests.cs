using Cos.Generated;

namespace Cos.Emulator.Tests;

public sealed class ListingTests : IAsyncLifetime
{
    private static readonly string[] Keys = ["a.txt", "b/1.txt", "b/2.txt", "b/c/3.txt", "c d/4.txt", "z+é.txt", "中/5.txt"];
    private CosEmulator _cos = null!;
    private CosClient _client = null!;

    public async Task InitializeAsync()
    {
        _cos = await Emulators.StartAsync();
        _client = Emulators.Client(_cos);
        foreach (var key in Keys.Reverse())
        {
            await _client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = key, Body = new MemoryStream([1, 2]) });
        }
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _cos.DisposeAsync();
    }

    [Fact]
    public async Task Lists_in_utf8_order_with_prefix_delimiter_and_marker()
    {
        var all = await _client.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket });
        all.Contents.Select(c => c.Key).ShouldBe(Keys);
        all.IsTruncated.ShouldBe(false);
        all.Contents[0].Size.ShouldBe(2);
        all.Contents[0].ETag.ShouldNotBeNullOrEmpty();

        var top = await _client.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket, Delimiter = "/" });
        top.Contents.Select(c => c.Key).ShouldBe(["a.txt", "z+é.txt"]);
        top.CommonPrefixes.Select(p => p.Prefix).ShouldBe(["b/", "c d/", "中/"]);

        var underB = await _client.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket, Prefix = "b/", Delimiter = "/" });
        underB.Contents.Select(c => c.Key).ShouldBe(["b/1.txt", "b/2.txt"]);
        underB.CommonPrefixes.Select(p => p.Prefix).ShouldBe(["b/c/"]);

        var afterMarker = await _client.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket, Marker = "b/2.txt" });
        afterMarker.Contents.Select(c => c.Key).ShouldBe(Keys[3..]);

        var page = await _client.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket, MaxKeys = 2 });
        page.Contents.Select(c => c.Key).ShouldBe(Keys[..2]);
        page.IsTruncated.ShouldBe(true);
        page.NextMarker.ShouldBe("b/1.txt");
    }

    [Fact]
    public async Task Pagination_with_EnumerateObjectsAsync_and_a_delimiter()
    {
        var keys = await _client.EnumerateObjectsAsync(new GetBucketRequest { Bucket = Emulators.Bucket, MaxKeys = 2 }).Select(o => o.Key).ToListAsync();
        keys.ShouldBe(Keys);

        var prefixes = new List<string>();
        var contents = new List<string>();
        await foreach (var page in _client.GetBucketPagesAsync(new GetBucketRequest { Bucket = Emulators.Bucket, Delimiter = "/", MaxKeys = 1 }))
        {
            prefixes.AddRange(page.CommonPrefixes.Select(p => p.Prefix!));
            contents.AddRange(page.Contents.Select(c => c.Key!));
        }

        prefixes.ShouldBe(["b/", "c d/", "中/"]);
        contents.ShouldBe(["a.txt", "z+é.txt"]);
    }

    [Fact]
    public async Task Encoding_type_url_percent_encodes_keys_and_prefixes()
    {
        var (status, body, _) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Get, "/?encoding-type=url&prefix=c%20d%2F"));
        status.ShouldBe(200);
        body.ShouldContain("<EncodingType>url</EncodingType>");
        body.ShouldContain("<Prefix>c%20d%2F</Prefix>");
        body.ShouldContain("<Key>c%20d%2F4.txt</Key>");

        // The client decodes them, as the official SDKs do: the caller gets the stored key.
        var encoded = await _client.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket, EncodingType = EncodingType.Url, Prefix = "z" });
        encoded.EncodingType.ShouldBe(EncodingType.Url);
        encoded.Contents.Select(c => c.Key).ShouldBe(["z+é.txt"]);
    }

    [Fact]
    public async Task Paging_with_encoding_type_url_returns_every_awkward_key_once_decoded()
    {
        // Keys a marker must survive: spaces, '+', '%', '/', non-ASCII, and U+0001, which only an encoded listing can carry.
        string[] keys = ["enc/a b.txt", "enc/a+b.txt", "enc/a%2Fb.txt", "enc/sub dir/c.txt", "enc/\u0001ctl.txt", "enc/ü/中.txt", "enc/~tilde"];
        foreach (var key in keys)
        {
            await _client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = key, Body = new MemoryStream([1]) });
        }

        var listed = new List<string>();
        await foreach (var item in _client.EnumerateObjectsAsync(new GetBucketRequest { Bucket = Emulators.Bucket, Prefix = "enc/", EncodingType = EncodingType.Url, MaxKeys = 1 }))
        {
            listed.Add(item.Key!);
        }

        listed.ShouldBe(keys.Order(StringComparer.Ordinal).ToList(), "each key once, decoded, in UTF-8 order (ordinal for these)");

        // Multipart listings decode the same way.
        foreach (var key in keys.Take(3))
        {
            await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = key });
        }

        var uploads = new List<string>();
        await foreach (var upload in _client.EnumerateMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = Emulators.Bucket, Prefix = "enc/", EncodingType = EncodingType.Url, MaxUploads = 1 }))
        {
            uploads.Add(upload.Key!);
        }

        uploads.ShouldBe(keys.Take(3).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Bad_max_keys_is_InvalidArgument()
    {
        var (status, body, _) = await RawRequests.SendAsync(_cos, RawRequests.Create(_cos, HttpMethod.Get, "/?max-keys=abc"));
        status.ShouldBe(400);
        body.ShouldContain("InvalidArgument");
    }
}
