using Cos.Generated;

namespace Cos.Emulator.Tests;

public sealed class BucketTests
{
    [Fact]
    public async Task Bucket_lifecycle_create_head_conflict_not_empty_delete()
    {
        await using var cos = await CosEmulator.StartAsync(new CosEmulatorOptions());
        using var client = Emulators.Client(cos);
        const string bucket = "lifecycle-1250000000";
        await client.PutBucketAsync(new PutBucketRequest { Bucket = bucket });
        var head = await client.HeadBucketAsync(new HeadBucketRequest { Bucket = bucket });
        head.BucketRegion.ShouldBe("ap-guangzhou");

        var again = await Should.ThrowAsync<CosException>(() => client.PutBucketAsync(new PutBucketRequest { Bucket = bucket }));
        again.StatusCode.ShouldBe(409);
        again.ErrorCode.ShouldBe("BucketAlreadyExists");
        again.RequestId.ShouldNotBeNullOrEmpty();

        var service = await client.GetServiceAsync(new GetServiceRequest());
        service.Buckets.Select(b => b.Name).ShouldBe([bucket]);
        service.Buckets[0].Location.ShouldBe("ap-guangzhou");

        await client.PutObjectAsync(new PutObjectRequest { Bucket = bucket, Key = "k", Body = new MemoryStream([1]) });
        var notEmpty = await Should.ThrowAsync<CosException>(() => client.DeleteBucketAsync(new DeleteBucketRequest { Bucket = bucket }));
        notEmpty.StatusCode.ShouldBe(409);
        notEmpty.ErrorCode.ShouldBe("BucketNotEmpty");

        await client.DeleteObjectAsync(new DeleteObjectRequest { Bucket = bucket, Key = "k" });
        await client.DeleteBucketAsync(new DeleteBucketRequest { Bucket = bucket });
        var gone = await Should.ThrowAsync<CosException>(() => client.HeadBucketAsync(new HeadBucketRequest { Bucket = bucket }));
        gone.StatusCode.ShouldBe(404);
        var list = await Should.ThrowAsync<CosException>(() => client.GetBucketAsync(new GetBucketRequest { Bucket = bucket }));
        list.ErrorCode.ShouldBe("NoSuchBucket");
    }

    [Fact]
    public async Task Other_regions_accelerate_and_path_style_hosts_reach_the_same_bucket()
    {
        await using var cos = await Emulators.StartAsync();
        using var client = Emulators.Client(cos);
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "a/b.txt", Body = new MemoryStream([1, 2, 3]) });

        foreach (var (host, path) in new[]
        {
            ("examplebucket-1250000000.cos.ap-beijing.myqcloud.com", "/a/b.txt"),
            ("examplebucket-1250000000.cos.accelerate.myqcloud.com", "/a/b.txt"),
            ("examplebucket-1250000000.cos.ap-guangzhou.tencentcos.cn", "/a/b.txt"),
            ("cos.ap-guangzhou.myqcloud.com", "/examplebucket-1250000000/a/b.txt"),
        })
        {
            var (status, _, response) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Get, path, host: host));
            status.ShouldBe(200, host);
            (await response.Content.ReadAsByteArrayAsync()).ShouldBe(new byte[] { 1, 2, 3 });
        }
    }

    [Fact]
    public async Task Invalid_bucket_name_unknown_sub_resource_and_method()
    {
        await using var cos = await Emulators.StartAsync();
        var (status, body, _) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Put, "/", host: "bad_name-125.cos.ap-guangzhou.myqcloud.com"));
        status.ShouldBe(400);
        body.ShouldContain("<Code>InvalidBucketName</Code>");

        (status, body, _) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Get, "/?intelligenttiering"));
        status.ShouldBe(501);
        body.ShouldContain("<Code>NotImplemented</Code>");

        (status, body, _) = await RawRequests.SendAsync(cos, RawRequests.Create(cos, HttpMethod.Patch, "/key"));
        status.ShouldBe(405);
        body.ShouldContain("<Code>MethodNotAllowed</Code>");
        body.ShouldContain("<RequestId>");
        body.ShouldContain("<Resource>");
    }
}
