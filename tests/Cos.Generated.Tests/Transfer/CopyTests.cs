using Cos.Emulator.Faults;
using Cos.Generated.Transfer;
using static Cos.Generated.Tests.Transfer.DownloadTestEnvironment;

namespace Cos.Generated.Tests.Transfer;

public sealed class CopyTests
{
    private static Func<CosClientOptions, CosClientOptions> SmallCopyParts => o => o with
    {
        MaxRetries = 0,
        ProgressInterval = TimeSpan.Zero,
        CopySliceSize = MiB,
        CopyChunkSize = MiB,
        CopyChunkParallelLimit = 4,
    };

    [Fact]
    public async Task SmallObjectIsCopiedWithOneRequestAndKeepsItsMetadata()
    {
        await using var env = await StartAsync();
        var data = RandomBytes(100_000);
        await env.PutAsync("src/small.bin", data, "image/png", new Dictionary<string, string> { ["owner"] = "alice" }, "max-age=60");
        var progress = new RecordingProgress();

        var result = await env.Client.CopyAsync(new CosCopySource(Bucket, "src/small.bin"), Bucket, "dst/small.bin", progress: progress);

        result.PartCount.ShouldBe(0);
        result.Crc64.ShouldBe(Crc(data));
        (await env.GetAsync("dst/small.bin")).ShouldBe(data);
        var head = await env.Client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "dst/small.bin" });
        head.ContentType.ShouldBe("image/png");
        head.CacheControl.ShouldBe("max-age=60");
        head.Metadata["owner"].ShouldBe("alice");
        progress.Reports[^1].Loaded.ShouldBe(data.Length);
        progress.Reports[^1].Total.ShouldBe(data.Length);
    }

    [Fact]
    public async Task LargeObjectIsCopiedInPartsWithTheSourceMetadata()
    {
        await using var env = await StartAsync(SmallCopyParts);
        var data = RandomBytes((3 * MiB) + 12345, seed: 2);
        await env.PutAsync("src/large.bin", data, "text/csv", new Dictionary<string, string> { ["owner"] = "bob" }, "no-cache");
        var progress = new RecordingProgress();

        var result = await env.Client.CopyAsync(new CosCopySource(Bucket, "src/large.bin"), Bucket, "dst/large.bin", progress: progress);

        result.PartCount.ShouldBe(4);
        result.Size.ShouldBe(data.Length);
        result.Crc64.ShouldBe(Crc(data));
        (await env.GetAsync("dst/large.bin")).ShouldBe(data);
        var head = await env.Client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "dst/large.bin" });
        head.ContentType.ShouldBe("text/csv");
        head.CacheControl.ShouldBe("no-cache");
        head.Metadata["owner"].ShouldBe("bob");
        head.Crc64.ShouldBe(Crc(data));
        progress.Reports.Select(r => r.Loaded).ShouldBeInOrder();
        progress.Reports[^1].Loaded.ShouldBe(data.Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MetadataIsReplacedWhenAsked(bool multipart)
    {
        await using var env = await StartAsync(SmallCopyParts);
        var data = RandomBytes(multipart ? (2 * MiB) + 1 : 1000, seed: 3);
        await env.PutAsync("src/meta.bin", data, "text/plain", new Dictionary<string, string> { ["old"] = "1" });

        await env.Client.CopyAsync(
            new CosCopySource(Bucket, "src/meta.bin"),
            Bucket,
            "dst/meta.bin",
            new CosCopyOptions { ContentType = "application/json", Metadata = new Dictionary<string, string> { ["new"] = "2" } });

        var head = await env.Client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "dst/meta.bin" });
        head.ContentType.ShouldBe("application/json");
        head.Metadata.ShouldContainKeyAndValue("new", "2");
        head.Metadata.ShouldNotContainKey("old");
        (await env.GetAsync("dst/meta.bin")).ShouldBe(data);
    }

    [Fact]
    public async Task APartFailingTwiceIsRetried()
    {
        await using var env = await StartAsync(SmallCopyParts);
        var data = RandomBytes((2 * MiB) + 7, seed: 4);
        await env.PutAsync("src/retry.bin", data);
        var fault = env.Emulator.Faults.Add(new FaultRule { Operation = "UploadPartCopy", PartNumber = 2, Times = 2, Status = 503, ErrorCode = "SlowDown" });

        var result = await env.Client.CopyAsync(new CosCopySource(Bucket, "src/retry.bin"), Bucket, "dst/retry.bin");

        fault.Fired.ShouldBe(2);
        result.Crc64.ShouldBe(Crc(data));
        (await env.GetAsync("dst/retry.bin")).ShouldBe(data);
    }

    [Fact]
    public async Task APartThatNeverSucceedsFailsTheCopyAndAbortsIt()
    {
        await using var env = await StartAsync(SmallCopyParts);
        var data = RandomBytes((2 * MiB) + 7, seed: 5);
        await env.PutAsync("src/fail.bin", data);
        env.Emulator.Faults.Add(new FaultRule { Operation = "UploadPartCopy", PartNumber = 3, Status = 500 });

        var error = await Should.ThrowAsync<CosException>(() => env.Client.CopyAsync(new CosCopySource(Bucket, "src/fail.bin"), Bucket, "dst/fail.bin"));

        error.StatusCode.ShouldBe(500);
        var uploads = await env.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = Bucket });
        uploads.Uploads.ShouldBeEmpty();
        await Should.ThrowAsync<CosException>(() => env.Client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = "dst/fail.bin" }));
    }

    [Theory]
    [InlineData("src/with space/ü 文件 #1+%.bin", false)]
    [InlineData("src/with space/ü 文件 #1+%.bin", true)]
    public async Task KeysWithSpacesAndUnicodeAreCopied(string sourceKey, bool multipart)
    {
        await using var env = await StartAsync(SmallCopyParts);
        var data = RandomBytes(multipart ? (MiB * 2) + 3 : 500, seed: 6);
        await env.PutAsync(sourceKey, data);

        await env.Client.CopyAsync(new CosCopySource(Bucket, sourceKey), Bucket, "dst/ä ö/ü 副本.bin");

        (await env.GetAsync("dst/ä ö/ü 副本.bin")).ShouldBe(data);
    }

    [Fact]
    public async Task AnObjectIsCopiedToAnotherBucket()
    {
        await using var env = await StartAsync(SmallCopyParts);
        const string other = "otherbucket-1250000000";
        await env.Client.PutBucketAsync(new PutBucketRequest { Bucket = other });
        var data = RandomBytes((2 * MiB) + 99, seed: 7);
        await env.PutAsync("src/cross.bin", data);

        var result = await env.Client.CopyAsync(new CosCopySource(Bucket, "src/cross.bin", Region: "ap-guangzhou"), other, "copied/cross.bin");

        result.PartCount.ShouldBe(3);
        using var response = await env.Client.GetObjectAsync(new GetObjectRequest { Bucket = other, Key = "copied/cross.bin" });
        using var copy = new MemoryStream();
        await response.Body.CopyToAsync(copy);
        copy.ToArray().ShouldBe(data);
    }
}

public sealed class CopyFailureTests
{
    private static Func<CosClientOptions, CosClientOptions> SmallCopyParts => o => o with
    {
        MaxRetries = 0,
        ProgressInterval = TimeSpan.Zero,
        CopySliceSize = MiB,
        CopyChunkSize = MiB,
        CopyChunkParallelLimit = 1,
    };

    private static void WrongCrcOnCopy(HttpRequestMessage request, HttpResponseMessage response)
    {
        var query = request.RequestUri!.Query;
        var isComplete = request.Method == HttpMethod.Post && query.Contains("uploadId=", StringComparison.Ordinal);
        var isSimpleCopy = request.Method == HttpMethod.Put && !query.Contains("partNumber=", StringComparison.Ordinal) && request.Headers.Contains("x-cos-copy-source");
        if (isComplete || isSimpleCopy)
        {
            response.Headers.Remove("x-cos-hash-crc64ecma");
            response.Headers.TryAddWithoutValidation("x-cos-hash-crc64ecma", "777");
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            var tampered = System.Text.RegularExpressions.Regex.Replace(body, "<CRC64>[0-9]+</CRC64>", "<CRC64>777</CRC64>");
            response.Content = new StringContent(tampered, System.Text.Encoding.UTF8, "application/xml");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ADestinationWithAnotherCrcIsATypedError(bool multipart)
    {
        await using var env = await StartAsync(SmallCopyParts, WrongCrcOnCopy);
        var data = RandomBytes(multipart ? (2 * MiB) + 1 : 10, seed: 30);
        await env.PutAsync("src/crc.bin", data);

        var error = await Should.ThrowAsync<CosIntegrityException>(() => env.Client.CopyAsync(new CosCopySource(Bucket, "src/crc.bin"), Bucket, "dst/crc.bin"));

        error.ExpectedCrc64.ShouldBe(Crc(data));
        error.ActualCrc64.ShouldBe(777UL);
    }

    [Fact]
    public async Task ASourceReplacedDuringAMultipartCopyFailsWithObjectChangedAndIsAborted()
    {
        await using var env = await StartAsync(SmallCopyParts);
        var data = RandomBytes((3 * MiB) + 1, seed: 31);
        await env.PutAsync("src/changing.bin", data);
        var replaced = 0;
        var progress = new SynchronousProgress(_ =>
        {
            if (Interlocked.Exchange(ref replaced, 1) == 0)
            {
                env.PutAsync("src/changing.bin", RandomBytes(data.Length, seed: 32)).GetAwaiter().GetResult();
            }
        });

        await Should.ThrowAsync<CosObjectChangedException>(() => env.Client.CopyAsync(new CosCopySource(Bucket, "src/changing.bin"), Bucket, "dst/changing.bin", progress: progress));

        (await env.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = Bucket })).Uploads.ShouldBeEmpty();
    }

    [Fact]
    public async Task AFailedMultipartCopyIsKeptWhenAsked()
    {
        await using var env = await StartAsync(SmallCopyParts);
        var data = RandomBytes((2 * MiB) + 1, seed: 33);
        await env.PutAsync("src/keep.bin", data);
        env.Emulator.Faults.Add(new FaultRule { Operation = "UploadPartCopy", PartNumber = 2, Status = 503 });

        await Should.ThrowAsync<CosException>(() => env.Client.CopyAsync(new CosCopySource(Bucket, "src/keep.bin"), Bucket, "dst/keep.bin", new CosCopyOptions { KeepUploadOnFailure = true }));

        var uploads = await env.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = Bucket });
        uploads.Uploads.Count.ShouldBe(1);
        uploads.Uploads[0].Key.ShouldBe("dst/keep.bin");
    }

    [Fact]
    public async Task ACanceledMultipartCopyIsAborted()
    {
        await using var env = await StartAsync(SmallCopyParts);
        var data = RandomBytes((3 * MiB) + 1, seed: 34);
        await env.PutAsync("src/cancel.bin", data);
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(_ => cancel.Cancel());

        await Should.ThrowAsync<OperationCanceledException>(() => env.Client.CopyAsync(new CosCopySource(Bucket, "src/cancel.bin"), Bucket, "dst/cancel.bin", progress: progress, cancellationToken: cancel.Token));

        (await env.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = Bucket })).Uploads.ShouldBeEmpty();
    }
}

public sealed class CopyCompleteTests
{
    [Fact]
    public async Task AFailedCompleteIsRetried()
    {
        await using var env = await StartAsync(o => o with { MaxRetries = 0, CopySliceSize = MiB, CopyChunkSize = MiB });
        var data = RandomBytes((2 * MiB) + 1, seed: 40);
        await env.PutAsync("src/complete.bin", data);
        var fault = env.Emulator.Faults.Add(new FaultRule { Operation = "CompleteMultipartUpload", Times = 1, Status = 503 });

        var result = await env.Client.CopyAsync(new CosCopySource(Bucket, "src/complete.bin"), Bucket, "dst/complete.bin");

        fault.Fired.ShouldBe(1);
        result.Crc64.ShouldBe(Crc(data));
        (await env.GetAsync("dst/complete.bin")).ShouldBe(data);
    }
}
