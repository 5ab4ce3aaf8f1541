using System.Security.Cryptography;
using Cos.Generated;
using Cos.Generated.Integrity;

namespace Cos.Emulator.Tests;

public sealed class MultipartTests : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;
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

    private async Task<string> InitiateAsync(string key = "big.bin") =>
        (await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = key, ContentType = "application/x-big" })).UploadId!;

    private async Task<string> UploadAsync(string uploadId, int partNumber, byte[] data, string key = "big.bin") =>
        (await _client.UploadPartAsync(new UploadPartRequest { Bucket = Emulators.Bucket, Key = key, UploadId = uploadId, PartNumber = partNumber, Body = new MemoryStream(data) })).ETag!;

    [Fact]
    public async Task Three_parts_complete_with_the_dash_3_etag_and_the_combined_crc64()
    {
        var parts = new[] { Emulators.Bytes(MiB, 1), Emulators.Bytes(MiB + 17, 2), Emulators.Bytes(12345, 3) };
        var uploadId = await InitiateAsync();
        var etags = new string[3];
        await Task.WhenAll(Enumerable.Range(0, 3).Select(async i => etags[i] = await UploadAsync(uploadId, i + 1, parts[i])));
        etags[0].ShouldBe($"\"{Convert.ToHexStringLower(MD5.HashData(parts[0]))}\"");

        var complete = await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            Bucket = Emulators.Bucket,
            Key = "big.bin",
            UploadId = uploadId,
            Parts = [.. Enumerable.Range(0, 3).Select(i => new CompletedPart { PartNumber = i + 1, ETag = etags[i] })],
        });

        var whole = parts.SelectMany(p => p).ToArray();
        var md5s = parts.SelectMany(MD5.HashData).ToArray();
        complete.ETag.ShouldBe($"\"{Convert.ToHexStringLower(MD5.HashData(md5s))}-3\"");
        complete.Crc64.ShouldBe(CosCrc64.Compute(whole));
        complete.Key.ShouldBe("big.bin");
        complete.Location.ShouldNotBeNullOrEmpty();

        await using var get = await _client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "big.bin" });
        (await Emulators.ReadAllAsync(get.Body)).ShouldBe(whole);
        get.Crc64.ShouldBe(CosCrc64.Compute(whole));
        get.ContentType.ShouldBe("application/x-big");
        get.ETag.ShouldBe(complete.ETag);

        var gone = await Should.ThrowAsync<CosException>(() => _client.ListPartsAsync(new ListPartsRequest { Bucket = Emulators.Bucket, Key = "big.bin", UploadId = uploadId }));
        gone.ErrorCode.ShouldBe("NoSuchUpload");
    }

    [Fact]
    public async Task Complete_rejects_bad_order_unknown_parts_wrong_etags_and_small_parts()
    {
        var uploadId = await InitiateAsync();
        var e1 = await UploadAsync(uploadId, 1, Emulators.Bytes(1000, 1));
        var e2 = await UploadAsync(uploadId, 2, Emulators.Bytes(1000, 2));

        async Task<CosException> Complete(params (int Number, string ETag)[] parts) =>
            await Should.ThrowAsync<CosException>(() => _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                Bucket = Emulators.Bucket, Key = "big.bin", UploadId = uploadId,
                Parts = [.. parts.Select(p => new CompletedPart { PartNumber = p.Number, ETag = p.ETag })],
            }));

        (await Complete((2, e2), (1, e1))).ErrorCode.ShouldBe("InvalidPartOrder");
        (await Complete((1, e1), (3, e2))).ErrorCode.ShouldBe("InvalidPart");
        (await Complete((1, e2), (2, e2))).ErrorCode.ShouldBe("InvalidPart");
        var small = await Complete((1, e1), (2, e2));
        small.ErrorCode.ShouldBe("EntityTooSmall");
        small.StatusCode.ShouldBe(400);

        // A single small part is fine (only parts before the last must be 1 MiB).
        var done = await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            Bucket = Emulators.Bucket, Key = "big.bin", UploadId = uploadId, Parts = [new CompletedPart { PartNumber = 2, ETag = e2 }],
        });
        done.ETag!.ShouldEndWith("-1\"");
    }

    [Fact]
    public async Task Abort_and_unknown_uploads_are_NoSuchUpload()
    {
        var uploadId = await InitiateAsync();
        await UploadAsync(uploadId, 1, [1, 2, 3]);
        await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "big.bin", UploadId = uploadId });
        (await Should.ThrowAsync<CosException>(() => _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "big.bin", UploadId = uploadId }))).ErrorCode.ShouldBe("NoSuchUpload");
        var part = await Should.ThrowAsync<CosException>(() => UploadAsync("bogus", 1, [1]));
        part.StatusCode.ShouldBe(404);
        part.ErrorCode.ShouldBe("NoSuchUpload");
        (await Should.ThrowAsync<CosException>(() => _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            Bucket = Emulators.Bucket, Key = "big.bin", UploadId = uploadId, Parts = [new CompletedPart { PartNumber = 1, ETag = "\"x\"" }],
        }))).ErrorCode.ShouldBe("NoSuchUpload");
    }

    [Fact]
    public async Task ListParts_and_ListMultipartUploads_page()
    {
        var uploadId = await InitiateAsync();
        for (var i = 1; i <= 5; i++)
        {
            await UploadAsync(uploadId, i, Emulators.Bytes(10 * i, i));
        }

        await UploadAsync(uploadId, 3, Emulators.Bytes(7, 99));
        var page = await _client.ListPartsAsync(new ListPartsRequest { Bucket = Emulators.Bucket, Key = "big.bin", UploadId = uploadId, MaxParts = 2 });
        page.Parts.Select(p => p.PartNumber).ShouldBe([1, 2]);
        page.IsTruncated.ShouldBe(true);
        page.NextPartNumberMarker.ShouldBe(2);
        var parts = await _client.EnumeratePartsAsync(new ListPartsRequest { Bucket = Emulators.Bucket, Key = "big.bin", UploadId = uploadId, MaxParts = 2 }).ToListAsync();
        parts.Select(p => p.PartNumber).ShouldBe([1, 2, 3, 4, 5]);
        parts[2].Size.ShouldBe(7, "the same part number overwrites");

        var ids = new List<string> { uploadId };
        foreach (var key in new[] { "k/a", "k/b", "k/b", "other" })
        {
            ids.Add(await InitiateAsync(key));
        }

        var uploads = await _client.EnumerateMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = Emulators.Bucket, MaxUploads = 2 }).ToListAsync();
        uploads.Select(u => u.UploadId).Order().ShouldBe(ids.Order());
        uploads.Select(u => u.Key).ShouldBe(["big.bin", "k/a", "k/b", "k/b", "other"]);

        var prefixed = await _client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = Emulators.Bucket, Prefix = "k/", MaxUploads = 1 });
        prefixed.Uploads.Select(u => u.Key).ShouldBe(["k/a"]);
        prefixed.IsTruncated.ShouldBe(true);
        prefixed.NextKeyMarker.ShouldBe("k/a");
    }

    [Fact]
    public async Task UploadPartCopy_copies_a_range_of_another_object()
    {
        var source = Emulators.Bytes(3 * MiB, 5);
        await _client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "source.bin", Body = new MemoryStream(source) });
        var uploadId = await InitiateAsync("copy.bin");
        var copySource = $"{Emulators.Host}/source.bin";
        var p1 = await _client.UploadPartCopyAsync(new UploadPartCopyRequest { Bucket = Emulators.Bucket, Key = "copy.bin", UploadId = uploadId, PartNumber = 1, CopySource = copySource, CopySourceRange = $"bytes=0-{MiB - 1}" });
        var p2 = await _client.UploadPartCopyAsync(new UploadPartCopyRequest { Bucket = Emulators.Bucket, Key = "copy.bin", UploadId = uploadId, PartNumber = 2, CopySource = copySource, CopySourceRange = $"bytes={MiB}-{(3 * MiB) - 1}" });
        p1.ETag.ShouldBe($"\"{Convert.ToHexStringLower(MD5.HashData(source.AsSpan(0, MiB)))}\"");
        p1.Crc64.ShouldBe(CosCrc64.Compute(source.AsSpan(0, MiB)));
        var done = await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            Bucket = Emulators.Bucket, Key = "copy.bin", UploadId = uploadId,
            Parts = [new CompletedPart { PartNumber = 1, ETag = p1.ETag! }, new CompletedPart { PartNumber = 2, ETag = p2.ETag! }],
        });
        done.Crc64.ShouldBe(CosCrc64.Compute(source));

        var bad = await Should.ThrowAsync<CosException>(() => _client.UploadPartCopyAsync(new UploadPartCopyRequest { Bucket = Emulators.Bucket, Key = "copy.bin", UploadId = uploadId, PartNumber = 1, CopySource = copySource, CopySourceRange = "bytes=0-99999999" }));
        bad.StatusCode.ShouldBeOneOf(400, 404);
    }
}
