using Cos.Emulator.Faults;
using Cos.Generated;

namespace Cos.Emulator.Tests;

public sealed class FaultAndCorsTests
{
    [Fact]
    public async Task A_503_rule_twice_then_success_the_sdk_retries()
    {
        await using var cos = await Emulators.StartAsync();
        var rule = cos.Faults.Add(new FaultRule { Operation = "PutObject", KeyPattern = "*.bin", Times = 2, Status = 503, ErrorCode = "SlowDown" });
        using var client = Emulators.Client(cos);
        var put = await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "retry.bin", Body = new MemoryStream([1, 2, 3]) });
        put.ETag.ShouldNotBeNull();
        rule.Fired.ShouldBe(2);

        cos.Faults.Add(new FaultRule { Operation = "GetBucket", Status = 503, ErrorCode = "SlowDown" });
        using var noRetry = Emulators.Client(cos, maxRetries: 0);
        var error = await Should.ThrowAsync<CosException>(() => noRetry.GetBucketAsync(new GetBucketRequest { Bucket = Emulators.Bucket }));
        error.StatusCode.ShouldBe(503);
        error.ErrorCode.ShouldBe("SlowDown");
    }

    [Fact]
    public async Task Part_number_and_every_nth_select_the_requests()
    {
        await using var cos = await Emulators.StartAsync();
        var rule = cos.Faults.Add(new FaultRule { Operation = "UploadPart", PartNumber = 2, EveryNth = 2, Times = 1, Status = 500 });
        using var client = Emulators.Client(cos, maxRetries: 0);
        var uploadId = (await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "p" })).UploadId!;
        Task Part(int n) => client.UploadPartAsync(new UploadPartRequest { Bucket = Emulators.Bucket, Key = "p", UploadId = uploadId, PartNumber = n, Body = new MemoryStream([1]) });
        await Part(1);
        await Part(2);
        (await Should.ThrowAsync<CosException>(() => Part(2))).StatusCode.ShouldBe(500);
        await Part(2);
        await Part(2);
        rule.Fired.ShouldBe(1);
    }

    [Fact]
    public async Task A_reset_mid_body_cuts_the_download_and_the_upload()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        var body = Emulators.Bytes(500_000);
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "cut.bin", Body = new MemoryStream(body) });

        cos.Faults.Add(new FaultRule { Operation = "GetObject", ResetConnectionAfterBytes = 10_000, Times = 1 });
        using var http = Emulators.Raw(cos);
        await Should.ThrowAsync<Exception>(async () =>
        {
            using var response = await http.SendAsync(RawRequests.Create(cos, HttpMethod.Get, "/cut.bin"));
            await response.Content.ReadAsByteArrayAsync();
        });

        await using (var again = await client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "cut.bin" }))
        {
            (await Emulators.ReadAllAsync(again.Body)).ShouldBe(body);
        }

        cos.Faults.Add(new FaultRule { Operation = "PutObject", ResetConnectionAfterBytes = 100_000, Times = 1 });
        await Should.ThrowAsync<Exception>(() => http.SendAsync(RawRequests.Create(cos, HttpMethod.Put, "/half.bin", body)));
        (await Should.ThrowAsync<CosException>(() => client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "half.bin" }))).StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task Latency_and_bandwidth_slow_a_request_down()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "slow.bin", Body = new MemoryStream(Emulators.Bytes(100_000)) });
        cos.Faults.Add(new FaultRule { Operation = "GetObject", Latency = TimeSpan.FromMilliseconds(150), BandwidthBytesPerSecond = 500_000, Times = 1 });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using (var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "slow.bin" }))
        {
            (await Emulators.ReadAllAsync(get.Body)).Length.ShouldBe(100_000);
        }

        // 150 ms of latency, then four 25,000-byte slices 50 ms apart: the last leaves at 300 ms at the earliest
        // (unslowed, a few ms). Timers may fire a little early, so the bound sits below that minimum (one run measured < 300 ms).
        watch.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(280));
    }

    [Fact]
    public async Task Cors_preflight_without_auth_and_headers_on_matching_requests()
    {
        await using var cos = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Emulators.Bucket)] });
        using (var client = Emulators.Client(cos))
        {
            await client.PutBucketCorsAsync(new PutBucketCorsRequest
            {
                Bucket = Emulators.Bucket,
                CorsRules = [new CorsRule { AllowedOrigins = ["https://*.example.com"], AllowedMethods = [CorsMethod.Get, CorsMethod.Put], AllowedHeaders = ["*"], ExposeHeaders = ["ETag"], MaxAgeSeconds = 600 }],
            });
        }

        var preflight = RawRequests.Create(cos, HttpMethod.Options, "/photo.jpg", sign: false, headers: new Dictionary<string, string>
        {
            ["Origin"] = "https://app.example.com",
            ["Access-Control-Request-Method"] = "PUT",
            ["Access-Control-Request-Headers"] = "content-type,x-cos-meta-a",
        });
        var (status, _, response) = await RawRequests.SendAsync(cos, preflight);
        status.ShouldBe(200);
        response.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe("https://app.example.com");
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().ShouldBe("GET,PUT");
        response.Headers.GetValues("Access-Control-Allow-Headers").Single().ShouldBe("content-type,x-cos-meta-a");
        response.Headers.GetValues("Access-Control-Expose-Headers").Single().ShouldBe("ETag");
        response.Headers.GetValues("Access-Control-Max-Age").Single().ShouldBe("600");

        var denied = RawRequests.Create(cos, HttpMethod.Options, "/photo.jpg", sign: false, headers: new Dictionary<string, string>
        {
            ["Origin"] = "https://evil.test",
            ["Access-Control-Request-Method"] = "PUT",
        });
        (status, _, _) = await RawRequests.SendAsync(cos, denied);
        status.ShouldBe(403);

        var deleteDenied = RawRequests.Create(cos, HttpMethod.Options, "/photo.jpg", sign: false, headers: new Dictionary<string, string>
        {
            ["Origin"] = "https://app.example.com",
            ["Access-Control-Request-Method"] = "DELETE",
        });
        (status, _, _) = await RawRequests.SendAsync(cos, deleteDenied);
        status.ShouldBe(403);

        var get = RawRequests.Create(cos, HttpMethod.Get, "/", headers: new Dictionary<string, string> { ["Origin"] = "https://app.example.com" });
        (status, _, response) = await RawRequests.SendAsync(cos, get);
        status.ShouldBe(200);
        response.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe("https://app.example.com");
        response.Headers.GetValues("Access-Control-Expose-Headers").Single().ShouldBe("ETag");
    }

    [Fact]
    public async Task Put_bucket_cors_drives_the_preflight_and_delete_stops_it()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        var preflight = () => RawRequests.Create(cos, HttpMethod.Options, "/photo.jpg", sign: false, headers: new Dictionary<string, string>
        {
            ["Origin"] = "https://www.example.com",
            ["Access-Control-Request-Method"] = "PUT",
            ["Access-Control-Request-Headers"] = "x-cos-meta-a",
        });

        // No rule yet: COS refuses the preflight with 403.
        var (status, _, _) = await RawRequests.SendAsync(cos, preflight());
        status.ShouldBe(403);

        await client.PutBucketCorsAsync(new PutBucketCorsRequest
        {
            Bucket = Emulators.Bucket,
            CorsRules =
            [
                new Cos.Generated.CorsRule { AllowedOrigins = ["https://other.test"], AllowedMethods = [CorsMethod.Put], AllowedHeaders = ["*"] },
                new Cos.Generated.CorsRule { AllowedOrigins = ["https://*.example.com"], AllowedMethods = [CorsMethod.Get, CorsMethod.Put], AllowedHeaders = ["x-cos-meta-*"], ExposeHeaders = ["x-cos-request-id"], MaxAgeSeconds = 30 },
            ],
        });
        (status, _, var response) = await RawRequests.SendAsync(cos, preflight());
        status.ShouldBe(200);
        response.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe("https://www.example.com");
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().ShouldBe("GET,PUT");
        response.Headers.GetValues("Access-Control-Expose-Headers").Single().ShouldBe("x-cos-request-id");
        response.Headers.GetValues("Access-Control-Max-Age").Single().ShouldBe("30");

        await client.DeleteBucketCorsAsync(new DeleteBucketCorsRequest { Bucket = Emulators.Bucket });
        (status, _, _) = await RawRequests.SendAsync(cos, preflight());
        status.ShouldBe(403);
    }
}
