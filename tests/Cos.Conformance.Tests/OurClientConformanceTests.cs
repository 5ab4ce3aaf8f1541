using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Cos.Generated;
using Cos.Generated.Integrity;
using Cos.Generated.Signing;

namespace Cos.Conformance.Tests;

/// <summary>
/// The scenarios of <see cref="NodeSdkConformanceTests"/> with our <see cref="CosClient"/>, against an
/// emulator of its own, so both clients are proven against one server. Multipart goes through the
/// low-level calls (initiate, upload parts, complete; resume through ListMultipartUploads and ListParts).
/// </summary>
public sealed class OurClientConformanceTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const int MiB = 1024 * 1024;
    private const string Bucket = EmulatorFixture.Bucket;

    private CosClient Cos => fixture.Client;

    [Theory]
    [MemberData(nameof(Scenarios.All), MemberType = typeof(Scenarios))]
    public async Task Our_client(string scenario)
    {
        var prefix = $"dotnet/{scenario}/";
        Func<string, Task> run = scenario switch
        {
            "putBucket" => PutBucket,
            "putObjectSpecialKeys" => PutObjectSpecialKeys,
            "getObject" => GetObject,
            "headObject" => HeadObject,
            "getBucketPrefixDelimiter" => GetBucketPrefixDelimiter,
            "sliceUploadFile" => MultipartUpload,
            "resumeSliceUpload" => ResumeMultipartUpload,
            "putObjectCopy" => PutObjectCopy,
            "deleteMultipleObject" => DeleteMultipleObjects,
            "getObjectUrl" => GetObjectUrl,
            "wrongSecretKey" => WrongSecretKey,
            "deleteObject" => DeleteObject,
            "objectAcl" => ObjectAcl,
            "appendObject" => AppendObject,
            "restoreObject" => RestoreObject,
            "putBucketCors" => PutBucketCors,
            "putBucketVersioning" => PutBucketVersioning,
            "listObjectVersions" => ListObjectVersions,
            "putBucketInventory" => PutBucketInventory,
            "putBucketReplication" => PutBucketReplication,
            "putBucketLifecycle" => PutBucketLifecycle,
            "putBucketDomain" => PutBucketDomain,
            "putBucketOrigin" => PutBucketOrigin,
            "putBucketAccelerate" => PutBucketAccelerate,
            "putBucketLogging" => PutBucketLogging,
            "bucketBasics" => BucketBasics,
            "bucketAcl" => BucketAcl,
            "putBucketPolicy" => PutBucketPolicy,
            "putBucketTagging" => PutBucketTagging,
            "objectTagging" => ObjectTagging,
            "putBucketReferer" => PutBucketReferer,
            "putBucketEncryption" => PutBucketEncryption,
            "putBucketWebsite" => PutBucketWebsite,
            "multipartLowLevel" => MultipartLowLevel,
            "selectObjectContent" => SelectObjectContent,
            _ => throw new InvalidOperationException($"No C# implementation of the scenario '{scenario}'."),
        };
        await run(prefix);
    }

    private async Task PutBucket(string prefix)
    {
        var bucket = $"dotnetput{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}-{EmulatorFixture.AppId}";

        var put = await Cos.PutBucketAsync(new PutBucketRequest { Bucket = bucket });
        var head = await Cos.HeadBucketAsync(new HeadBucketRequest { Bucket = bucket });
        var list = await Cos.GetBucketAsync(new GetBucketRequest { Bucket = bucket });

        put.StatusCode.ShouldBe(200);
        head.StatusCode.ShouldBe(200);
        list.Contents.ShouldBeEmpty();
    }

    private async Task PutObjectSpecialKeys(string prefix)
    {
        string[] names = ["key with spaces.txt", "a+b=c&d.txt", "中文/ünïcödé ☃ 🚀.txt", "marks ()!*'~.txt", "dir/sub dir/x y+z.bin"];
        var keys = new List<string>();
        foreach (var name in names)
        {
            var key = prefix + name;
            var body = Encoding.UTF8.GetBytes(name + "\n").Concat(RandomNumberGenerator.GetBytes(1000)).ToArray();
            var put = await PutAsync(key, body);
            put.StatusCode.ShouldBe(200, key);
            (await GetBytesAsync(key)).ShouldBe(body, key);
            keys.Add(key);
        }

        var listed = await Cos.EnumerateObjectsAsync(new GetBucketRequest { Bucket = Bucket, Prefix = prefix }).Select(o => o.Key!).ToListAsync();
        listed.Order(StringComparer.Ordinal).ShouldBe(keys.Order(StringComparer.Ordinal));
    }

    private async Task GetObject(string prefix)
    {
        var key = prefix + "blob.bin";
        var body = RandomNumberGenerator.GetBytes(256 * 1024 + 7);
        await PutAsync(key, body, contentType: "application/x-test");

        await using (var get = await Cos.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = key }))
        {
            (await ReadAllAsync(get.Body)).ShouldBe(body);
            get.ContentType.ShouldBe("application/x-test");
            get.ContentLength.ShouldBe(body.Length);
        }

        await using (var range = await Cos.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = key, Range = "bytes=10-19" }))
        {
            range.StatusCode.ShouldBe(206);
            (await ReadAllAsync(range.Body)).ShouldBe(body[10..20]);
        }

        var missing = await Should.ThrowAsync<CosException>(() => Cos.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = prefix + "missing" }));
        missing.StatusCode.ShouldBe(404);
        missing.ErrorCode.ShouldBe("NoSuchKey");
    }

    private async Task HeadObject(string prefix)
    {
        var key = prefix + "meta.txt";
        var body = "hello, head\n"u8.ToArray();
        var put = await PutAsync(key, body, contentType: "text/plain", metadata: new() { ["author"] = "zhangsan", ["project"] = "conformance" });

        var head = await Cos.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = key });

        head.StatusCode.ShouldBe(200);
        head.ETag.ShouldBe(put.ETag);
        head.ETag.ShouldBe($"\"{Convert.ToHexStringLower(MD5.HashData(body))}\"");
        head.ContentLength.ShouldBe(body.Length);
        head.ContentType.ShouldBe("text/plain");
        head.Metadata["author"].ShouldBe("zhangsan");
        head.Metadata["project"].ShouldBe("conformance");
        head.Crc64.ShouldBe(CosCrc64.Compute(body));
        var missing = await Should.ThrowAsync<CosException>(() => Cos.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = prefix + "missing" }));
        missing.StatusCode.ShouldBe(404);
    }

    private async Task GetBucketPrefixDelimiter(string prefix)
    {
        string[] names = ["a.txt", "b.txt", "photos/1.jpg", "photos/2.jpg", "docs/x/readme.md", "docs/y.md"];
        foreach (var name in names)
        {
            await PutAsync(prefix + name, Encoding.UTF8.GetBytes(name));
        }

        var list = await Cos.GetBucketAsync(new GetBucketRequest { Bucket = Bucket, Prefix = prefix, Delimiter = "/" });
        list.Contents.Select(c => c.Key).Order(StringComparer.Ordinal).ShouldBe([prefix + "a.txt", prefix + "b.txt"]);
        list.CommonPrefixes.Select(c => c.Prefix).Order(StringComparer.Ordinal).ShouldBe([prefix + "docs/", prefix + "photos/"]);
        list.IsTruncated.ShouldBe(false);

        var nested = await Cos.GetBucketAsync(new GetBucketRequest { Bucket = Bucket, Prefix = prefix + "docs/", Delimiter = "/" });
        nested.Contents.Select(c => c.Key).ShouldBe([prefix + "docs/y.md"]);
        nested.CommonPrefixes.Select(c => c.Prefix).ShouldBe([prefix + "docs/x/"]);

        // The paginator follows NextMarker across MaxKeys pages.
        var all = await Cos.EnumerateObjectsAsync(new GetBucketRequest { Bucket = Bucket, Prefix = prefix, MaxKeys = 2 }).Select(o => o.Key).ToListAsync();
        all.ShouldBe(names.Select(n => prefix + n).Order(StringComparer.Ordinal));
    }

    private async Task MultipartUpload(string prefix)
    {
        var key = prefix + "five-mib.bin";
        var data = RandomNumberGenerator.GetBytes(5 * MiB + 123);

        var init = await Cos.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Bucket, Key = key });
        init.UploadId.ShouldNotBeNullOrEmpty();
        var parts = new List<CompletedPart>();
        for (var number = 1; number <= PartCount(data); number++)
        {
            parts.Add(await UploadPartAsync(key, init.UploadId!, data, number));
        }

        var listed = await Cos.EnumeratePartsAsync(new ListPartsRequest { Bucket = Bucket, Key = key, UploadId = init.UploadId! }).ToListAsync();
        listed.Select(p => p.PartNumber).ShouldBe([1, 2, 3, 4, 5, 6]);
        listed.Select(p => p.Size).ShouldBe([MiB, MiB, MiB, MiB, MiB, 123]);

        var complete = await Cos.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { Bucket = Bucket, Key = key, UploadId = init.UploadId!, Parts = parts });
        complete.StatusCode.ShouldBe(200);
        await VerifyObjectAsync(key, data, complete.Crc64);
    }

    private async Task ResumeMultipartUpload(string prefix)
    {
        var key = prefix + "five-mib.bin";
        var data = RandomNumberGenerator.GetBytes(5 * MiB);

        // First attempt: two parts, then the process "dies" (nothing is aborted).
        var init = await Cos.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Bucket, Key = key });
        await UploadPartAsync(key, init.UploadId!, data, 1);
        await UploadPartAsync(key, init.UploadId!, data, 2);

        // Second attempt knows only the bucket, the key and the file: it finds the upload and its parts.
        var uploads = await Cos.EnumerateMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = Bucket, Prefix = key })
            .Where(u => u.Key == key).ToListAsync();
        var uploadId = uploads.ShouldHaveSingleItem().UploadId!;
        uploadId.ShouldBe(init.UploadId);
        var done = await Cos.EnumeratePartsAsync(new ListPartsRequest { Bucket = Bucket, Key = key, UploadId = uploadId }).ToListAsync();
        done.Select(p => p.PartNumber!.Value).ShouldBe([1, 2]);
        foreach (var part in done)
        {
            // As the Node SDK does before it trusts a part: same size, ETag = quoted MD5 of the local slice.
            var slice = Slice(data, part.PartNumber!.Value);
            part.Size.ShouldBe(slice.Length);
            part.ETag.ShouldBe($"\"{Convert.ToHexStringLower(MD5.HashData(slice))}\"");
        }

        var parts = done.Select(p => new CompletedPart { PartNumber = p.PartNumber!.Value, ETag = p.ETag! }).ToList();
        var uploaded = new List<int>();
        for (var number = 1; number <= PartCount(data); number++)
        {
            if (parts.All(p => p.PartNumber != number))
            {
                parts.Add(await UploadPartAsync(key, uploadId, data, number));
                uploaded.Add(number);
            }
        }

        uploaded.ShouldBe([3, 4, 5]);
        var complete = await Cos.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { Bucket = Bucket, Key = key, UploadId = uploadId, Parts = parts });
        await VerifyObjectAsync(key, data, complete.Crc64);
        var after = await Cos.EnumerateMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = Bucket, Prefix = key }).ToListAsync();
        after.ShouldNotContain(u => u.UploadId == uploadId);
    }

    private async Task PutObjectCopy(string prefix)
    {
        var source = prefix + "source (1)+.txt";
        var target = prefix + "target ☃.txt";
        var body = RandomNumberGenerator.GetBytes(64 * 1024);
        await PutAsync(source, body, contentType: "text/x-src", metadata: new() { ["origin"] = "source" });
        var copySource = $"{Bucket}.cos.{EmulatorFixture.Region}.myqcloud.com/{CosUrlEncoding.EncodePath(source)}";

        var copy = await Cos.PutObjectCopyAsync(new PutObjectCopyRequest { Bucket = Bucket, Key = target, CopySource = copySource });

        copy.StatusCode.ShouldBe(200);
        copy.ETag.ShouldNotBeNullOrEmpty();
        (await GetBytesAsync(target)).ShouldBe(body);
        var head = await Cos.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = target });
        head.Metadata["origin"].ShouldBe("source");
        head.ContentType.ShouldBe("text/x-src");

        var replaced = prefix + "replaced.txt";
        await Cos.PutObjectCopyAsync(new PutObjectCopyRequest
        {
            Bucket = Bucket,
            Key = replaced,
            CopySource = copySource,
            MetadataDirective = MetadataDirective.Replaced,
            Metadata = new Dictionary<string, string> { ["origin"] = "replaced" },
        });
        (await Cos.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = replaced })).Metadata["origin"].ShouldBe("replaced");
    }

    private async Task DeleteMultipleObjects(string prefix)
    {
        string[] keys = ["one.txt", "two words.txt", "three+.txt", "keep.txt"];
        keys = keys.Select(k => prefix + k).ToArray();
        foreach (var key in keys)
        {
            await PutAsync(key, Encoding.UTF8.GetBytes(key));
        }

        string[] doomed = [.. keys[..3], prefix + "never-existed.txt"];
        var result = await Cos.DeleteMultipleObjectsAsync(new DeleteMultipleObjectsRequest
        {
            Bucket = Bucket,
            Objects = doomed.Select(k => new ObjectIdentifier { Key = k }).ToList(),
        });

        result.StatusCode.ShouldBe(200);
        result.Deleted.Select(d => d.Key).Order(StringComparer.Ordinal).ShouldBe(doomed.Order(StringComparer.Ordinal));
        result.Errors.ShouldBeEmpty();
        var left = await Cos.EnumerateObjectsAsync(new GetBucketRequest { Bucket = Bucket, Prefix = prefix }).Select(o => o.Key).ToListAsync();
        left.ShouldBe([prefix + "keep.txt"]);
        var quiet = await Cos.DeleteMultipleObjectsAsync(new DeleteMultipleObjectsRequest { Bucket = Bucket, Quiet = true, Objects = [new ObjectIdentifier { Key = prefix + "keep.txt" }] });
        quiet.Deleted.ShouldBeEmpty();
    }

    private async Task GetObjectUrl(string prefix)
    {
        var key = prefix + "presigned file (1).txt";
        var body = RandomNumberGenerator.GetBytes(4096);
        await PutAsync(key, body);

        var url = Cos.GetObjectUrl(Bucket, key, TimeSpan.FromMinutes(5));
        url.Host.ShouldBe($"{Bucket}.cos.{EmulatorFixture.Region}.myqcloud.com");

        // A plain HTTP client, connecting to the emulator but keeping the virtual-hosted Host.
        using var http = PlainHttpClient();
        using (var response = await http.GetAsync(url))
        {
            var content = await response.Content.ReadAsByteArrayAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, Encoding.UTF8.GetString(content));
            content.ShouldBe(body);
        }

        var text = url.OriginalString;
        var at = text.IndexOf("q-signature=", StringComparison.Ordinal) + "q-signature=".Length;
        var tampered = new Uri(text[..at] + (text[at] == '0' ? '1' : '0') + text[(at + 1)..]);
        using (var response = await http.GetAsync(tampered))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var response = await http.GetAsync(new Uri(text[..text.IndexOf('?', StringComparison.Ordinal)])))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    private async Task WrongSecretKey(string prefix)
    {
        var key = prefix + "secret.txt";
        await PutAsync(key, "secret"u8.ToArray());
        using var wrong = new CosClient(fixture.OptionsWithKeys(fixture.Emulator.SecretId, "not-the-right-key"));

        var get = await Should.ThrowAsync<CosException>(() => wrong.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = key }));
        get.StatusCode.ShouldBe(403);
        get.ErrorCode.ShouldBe("SignatureDoesNotMatch");

        var put = await Should.ThrowAsync<CosException>(() => wrong.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = prefix + "evil.txt", Body = new MemoryStream("x"u8.ToArray()) }));
        put.ErrorCode.ShouldBe("SignatureDoesNotMatch");
        (await Should.ThrowAsync<CosException>(() => Cos.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = prefix + "evil.txt" }))).StatusCode.ShouldBe(404);

        using var unknown = new CosClient(fixture.OptionsWithKeys("AKIDunknownxxxx", fixture.Emulator.SecretKey));
        (await Should.ThrowAsync<CosException>(() => unknown.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = key }))).StatusCode.ShouldBe(403);
    }

    private async Task DeleteObject(string prefix)
    {
        var key = prefix + "gone soon.txt";
        await PutAsync(key, "bye"u8.ToArray());

        var delete = await Cos.DeleteObjectAsync(new DeleteObjectRequest { Bucket = Bucket, Key = key });

        delete.StatusCode.ShouldBe(204);
        (await Should.ThrowAsync<CosException>(() => Cos.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = key }))).StatusCode.ShouldBe(404);
        (await Cos.DeleteObjectAsync(new DeleteObjectRequest { Bucket = Bucket, Key = key })).StatusCode.ShouldBe(204);
    }

    private async Task ObjectAcl(string prefix)
    {
        var key = prefix + "shared file.txt";
        await PutAsync(key, "acl"u8.ToArray());
        const string Friend = "qcs::cam::uin/100000000011:uin/100000000011";

        var fresh = await Cos.GetObjectAclAsync(new GetObjectAclRequest { Bucket = Bucket, Key = key });
        var put = await Cos.PutObjectAclAsync(new PutObjectAclRequest { Bucket = Bucket, Key = key, Acl = global::Cos.Generated.ObjectAcl.PublicRead, GrantReadAcp = "id=\"100000000011\"" });
        var pub = await Cos.GetObjectAclAsync(new GetObjectAclRequest { Bucket = Bucket, Key = key });
        var reader = new Grant { Grantee = new Grantee { Type = GranteeType.CanonicalUser, ID = Friend }, Permission = Permission.Read };
        await Cos.PutObjectAclAsync(new PutObjectAclRequest { Bucket = Bucket, Key = key, Owner = fresh.Owner, Grants = [reader] });
        var body = await Cos.GetObjectAclAsync(new GetObjectAclRequest { Bucket = Bucket, Key = key });

        var owner = fresh.Grants.ShouldHaveSingleItem("an object without an ACL: one grant");
        (owner.Permission, owner.Grantee.ID).ShouldBe((Permission.FullControl, fresh.Owner.ShouldNotBeNull().ID));
        put.StatusCode.ShouldBe(200);
        pub.Grants.Select(g => (g.Grantee.ID ?? g.Grantee.URI, g.Permission)).Skip(1).ShouldBe(
            [("http://cam.qcloud.com/groups/global/AllUsers", Permission.Read), (Friend, Permission.ReadAcp)]);
        body.Grants.ShouldBe([reader]);
        (await Should.ThrowAsync<CosException>(() => Cos.GetObjectAclAsync(new GetObjectAclRequest { Bucket = Bucket, Key = prefix + "missing.txt" }))).StatusCode.ShouldBe(404);
    }

    private async Task AppendObject(string prefix)
    {
        var key = prefix + "log file.txt";
        AppendObjectRequest Append(string k, long position, byte[] data) => new() { Bucket = Bucket, Key = k, Position = position, Body = new MemoryStream(data), ContentLength = data.Length };

        var first = await Cos.AppendObjectAsync(Append(key, 0, "hello"u8.ToArray()));
        var second = await Cos.AppendObjectAsync(Append(key, 5, " world"u8.ToArray()));
        var bytes = await GetBytesAsync(key);
        var head = await Cos.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = key });
        var stale = await Should.ThrowAsync<CosException>(() => Cos.AppendObjectAsync(Append(key, 5, "x"u8.ToArray())));
        await PutAsync(prefix + "normal.txt", "put"u8.ToArray());
        var refused = await Should.ThrowAsync<CosException>(() => Cos.AppendObjectAsync(Append(prefix + "normal.txt", 3, "x"u8.ToArray())));

        (first.StatusCode, first.NextAppendPosition).ShouldBe((200, 5L));
        second.NextAppendPosition.ShouldBe(11);
        Encoding.UTF8.GetString(bytes).ShouldBe("hello world");
        head.ObjectType.ShouldBe("appendable");
        (stale.StatusCode, stale.ErrorCode).ShouldBe((409, "PositionNotEqualToLength"));
        refused.ErrorCode.ShouldBe("ObjectNotAppendable");
    }

    private async Task RestoreObject(string prefix)
    {
        var key = prefix + "cold file.txt";
        await Cos.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = key, Body = new MemoryStream("frozen"u8.ToArray()), StorageClass = StorageClass.Archive });

        var archived = await Should.ThrowAsync<CosException>(() => GetBytesAsync(key));
        var restore = await Cos.PostObjectRestoreAsync(new PostObjectRestoreRequest
        {
            Bucket = Bucket, Key = key, Days = 1, CASJobParameters = new CASJobParameters { Tier = RestoreTier.Standard },
        });
        var head = await Cos.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = key });
        var bytes = await GetBytesAsync(key);

        (archived.StatusCode, archived.ErrorCode).ShouldBe((403, "InvalidObjectState"));
        restore.StatusCode.ShouldBe(202);
        head.Restore.ShouldNotBeNull().ShouldMatch("^ongoing-request=\"false\", expiry-date=\".+ GMT\"$");
        head.StorageClass.ShouldBe(StorageClass.Archive);
        Encoding.UTF8.GetString(bytes).ShouldBe("frozen");
    }

    private async Task PutBucketCors(string prefix)
    {
        CorsRule[] rules =
        [
            new() { Id = "web", AllowedOrigins = ["https://*.example.com"], AllowedMethods = [CorsMethod.Get, CorsMethod.Put], AllowedHeaders = ["*"], ExposeHeaders = ["ETag"], MaxAgeSeconds = 600 },
            new() { AllowedOrigins = ["http://a.test", "http://b.test"], AllowedMethods = [CorsMethod.Head] },
        ];

        var put = await Cos.PutBucketCorsAsync(new PutBucketCorsRequest { Bucket = Bucket, CorsRules = rules });
        var got = await Cos.GetBucketCorsAsync(new GetBucketCorsRequest { Bucket = Bucket });
        var allowed = await Cos.OptionsObjectAsync(new OptionsObjectRequest
        {
            Bucket = Bucket, Key = prefix + "cors/options.txt", Origin = "https://app.example.com", AccessControlRequestMethod = "PUT", AccessControlRequestHeaders = "content-type",
        });
        var refused = await Cos.OptionsObjectAsync(new OptionsObjectRequest { Bucket = Bucket, Key = prefix + "cors/options.txt", Origin = "https://evil.example.org", AccessControlRequestMethod = "GET" });
        var delete = await Cos.DeleteBucketCorsAsync(new DeleteBucketCorsRequest { Bucket = Bucket });
        var empty = await Should.ThrowAsync<CosException>(() => Cos.GetBucketCorsAsync(new GetBucketCorsRequest { Bucket = Bucket }));

        put.StatusCode.ShouldBe(200);
        got.CorsRules.Select(r => r.AllowedOrigins).ShouldBe([["https://*.example.com"], ["http://a.test", "http://b.test"]]);
        got.CorsRules.Select(r => r.AllowedMethods).ShouldBe([[CorsMethod.Get, CorsMethod.Put], [CorsMethod.Head]]);
        got.CorsRules[0].Id.ShouldBe("web");
        got.CorsRules[0].MaxAgeSeconds.ShouldBe(600);
        got.CorsRules[0].ExposeHeaders.ShouldBe(["ETag"]);
        (allowed.AccessControlAllowOrigin, allowed.AccessControlAllowMethods, allowed.AccessControlAllowHeaders).ShouldBe(("https://app.example.com", "GET,PUT", "content-type"));
        (allowed.AccessControlExposeHeaders, allowed.AccessControlMaxAge).ShouldBe(("ETag", 600));
        refused.Forbidden.ShouldBe(true);
        delete.StatusCode.ShouldBe(204);
        empty.ErrorCode.ShouldBe("NoSuchCORSConfiguration");
    }

    private async Task PutBucketVersioning(string prefix)
    {
        var bucket = await FreshBucketAsync("dotnetvers");
        var never = await Cos.GetBucketVersioningAsync(new GetBucketVersioningRequest { Bucket = bucket });
        var put = await Cos.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = bucket, Status = BucketVersioningStatus.Enabled });
        var enabled = await Cos.GetBucketVersioningAsync(new GetBucketVersioningRequest { Bucket = bucket });
        await Cos.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = bucket, Status = BucketVersioningStatus.Suspended });
        var suspended = await Cos.GetBucketVersioningAsync(new GetBucketVersioningRequest { Bucket = bucket });

        never.StatusCode.ShouldBe(200);
        never.Status.ShouldBeNull();
        put.StatusCode.ShouldBe(200);
        enabled.Status.ShouldBe(BucketVersioningStatus.Enabled);
        suspended.Status.ShouldBe(BucketVersioningStatus.Suspended);
    }

    private async Task ListObjectVersions(string prefix)
    {
        var bucket = await FreshBucketAsync("dotnetverlist");
        await Cos.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = bucket, Status = BucketVersioningStatus.Enabled });
        const string key = "v/file one.txt";
        var one = await Cos.PutObjectAsync(new PutObjectRequest { Bucket = bucket, Key = key, Body = new MemoryStream("one"u8.ToArray()) });
        var two = await Cos.PutObjectAsync(new PutObjectRequest { Bucket = bucket, Key = key, Body = new MemoryStream("two"u8.ToArray()) });
        await using (var old = await Cos.GetObjectAsync(new GetObjectRequest { Bucket = bucket, Key = key, VersionId = one.VersionId }))
        {
            Encoding.UTF8.GetString(await ReadAllAsync(old.Body)).ShouldBe("one");
        }

        var delete = await Cos.DeleteObjectAsync(new DeleteObjectRequest { Bucket = bucket, Key = key });
        var list = await Cos.ListObjectVersionsAsync(new ListObjectVersionsRequest { Bucket = bucket, Prefix = "v/" });
        var paged = new List<string?>();
        await foreach (var page in Cos.ListObjectVersionsPagesAsync(new ListObjectVersionsRequest { Bucket = bucket, MaxKeys = 1 }))
        {
            paged.AddRange(page.DeleteMarkers.Select(m => m.VersionId).Concat(page.Versions.Select(v => v.VersionId)));
        }

        one.VersionId.ShouldNotBeNullOrEmpty();
        two.VersionId.ShouldNotBeNullOrEmpty();
        two.VersionId.ShouldNotBe(one.VersionId);
        delete.DeleteMarker.ShouldBe(true);
        list.Versions.Select(v => (v.Key, v.VersionId, v.IsLatest)).ShouldBe([(key, two.VersionId, (bool?)false), (key, one.VersionId, false)]);
        list.DeleteMarkers.Select(m => (m.Key, m.VersionId, m.IsLatest)).ShouldBe([(key, delete.VersionId, (bool?)true)]);
        paged.ShouldBe([delete.VersionId, two.VersionId, one.VersionId]);
    }

    private async Task<string> FreshBucketAsync(string tag)
    {
        var bucket = $"{tag}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}-{EmulatorFixture.AppId}";
        await Cos.PutBucketAsync(new PutBucketRequest { Bucket = bucket });
        return bucket;
    }

    private async Task PutBucketInventory(string prefix)
    {
        // A bucket of its own, so the listing holds only this scenario's jobs.
        var bucket = $"dotnetinv{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}-{EmulatorFixture.AppId}";
        await Cos.PutBucketAsync(new PutBucketRequest { Bucket = bucket });
        var destination = new InventoryDestination
        {
            CosBucketDestination = new InventoryCosBucketDestination
            {
                Format = InventoryFormat.Csv,
                AccountId = "100000000001",
                Bucket = $"qcs::cos:{EmulatorFixture.Region}::{bucket}",
                Prefix = "cos_bucket_inventory",
                Encryption = new InventoryEncryption { SseCos = new InventorySseCos() },
            },
        };
        PutBucketInventoryRequest Configuration(string id) => new()
        {
            Bucket = bucket,
            Id = id,
            ConfigurationId = id,
            IsEnabled = true,
            Destination = destination,
            Schedule = new InventorySchedule { Frequency = InventoryFrequency.Daily },
            Filter = new InventoryFilter { And = new InventoryFilterAnd { Prefix = "myPrefix", Tags = [new Tag { Key = "age", Value = "18" }] } },
            IncludedObjectVersions = InventoryIncludedObjectVersions.All,
            OptionalFields = [InventoryOptionalField.Size, InventoryOptionalField.ETag, InventoryOptionalField.UserMetadata],
        };

        var put = await Cos.PutBucketInventoryAsync(Configuration("list1"));
        await Cos.PutBucketInventoryAsync(Configuration("list2"));
        var got = await Cos.GetBucketInventoryAsync(new GetBucketInventoryRequest { Bucket = bucket, Id = "list1" });
        var list = await Cos.ListBucketInventoryAsync(new ListBucketInventoryRequest { Bucket = bucket });
        var delete = await Cos.DeleteBucketInventoryAsync(new DeleteBucketInventoryRequest { Bucket = bucket, Id = "list1" });
        var gone = await Should.ThrowAsync<CosException>(() => Cos.GetBucketInventoryAsync(new GetBucketInventoryRequest { Bucket = bucket, Id = "list1" }));
        var left = await Cos.ListBucketInventoryAsync(new ListBucketInventoryRequest { Bucket = bucket });

        put.StatusCode.ShouldBe(200);
        got.Id.ShouldBe("list1");
        got.IsEnabled.ShouldBe(true);
        var cosDestination = got.Destination.ShouldNotBeNull().CosBucketDestination;
        (cosDestination.Bucket, cosDestination.Format).ShouldBe(($"qcs::cos:{EmulatorFixture.Region}::{bucket}", InventoryFormat.Csv));
        cosDestination.Encryption.ShouldNotBeNull().SseCos.ShouldNotBeNull();
        got.Schedule.ShouldNotBeNull().Frequency.ShouldBe(InventoryFrequency.Daily);
        got.Filter.ShouldNotBeNull().And.ShouldNotBeNull().Tags.ShouldBe([new Tag { Key = "age", Value = "18" }]);
        got.OptionalFields.ShouldBe([InventoryOptionalField.Size, InventoryOptionalField.ETag, InventoryOptionalField.UserMetadata]);
        list.InventoryConfigurations.Select(c => c.Id).ShouldBe(["list1", "list2"]);
        list.IsTruncated.ShouldBe(false);
        delete.StatusCode.ShouldBe(204);
        (gone.StatusCode, gone.ErrorCode).ShouldBe((404, "NoSuchInventoryConfiguration"));
        left.InventoryConfigurations.Select(c => c.Id).ShouldBe(["list2"]);
    }

    private async Task PutBucketReplication(string prefix)
    {
        // Two buckets of their own with versioning Enabled, as COS requires of both ends.
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var source = $"dotnetreplsrc{suffix}-{EmulatorFixture.AppId}";
        var destination = $"dotnetrepldst{suffix}-{EmulatorFixture.AppId}";
        foreach (var bucket in new[] { source, destination })
        {
            await Cos.PutBucketAsync(new PutBucketRequest { Bucket = bucket });
            await Cos.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = bucket, Status = BucketVersioningStatus.Enabled });
        }

        ReplicationRule[] rules =
        [
            new() { ID = "logs", Status = ReplicationRuleStatus.Enabled, Prefix = "logs/", Destination = new ReplicationDestination { Bucket = $"qcs::cos:{EmulatorFixture.Region}::{destination}", StorageClass = StorageClass.StandardIa } },
            new() { ID = "images", Status = ReplicationRuleStatus.Disabled, Prefix = "images/", Destination = new ReplicationDestination { Bucket = $"qcs::cos:{EmulatorFixture.Region}::{destination}" } },
        ];

        var none = await Should.ThrowAsync<CosException>(() => Cos.GetBucketReplicationAsync(new GetBucketReplicationRequest { Bucket = source }));
        var put = await Cos.PutBucketReplicationAsync(new PutBucketReplicationRequest { Bucket = source, Role = "qcs::cam::uin/100000000001:uin/100000000001", Rules = rules });
        var got = await Cos.GetBucketReplicationAsync(new GetBucketReplicationRequest { Bucket = source });
        var delete = await Cos.DeleteBucketReplicationAsync(new DeleteBucketReplicationRequest { Bucket = source });
        var after = await Should.ThrowAsync<CosException>(() => Cos.GetBucketReplicationAsync(new GetBucketReplicationRequest { Bucket = source }));

        (none.StatusCode, none.ErrorCode).ShouldBe((404, "ReplicationConfigurationnotFoundError"));
        put.StatusCode.ShouldBe(200);
        got.Role.ShouldBe("qcs::cam::uin/100000000001:uin/100000000001");
        got.Rules.ShouldBe(rules);
        delete.StatusCode.ShouldBe(204);
        after.ErrorCode.ShouldBe("ReplicationConfigurationnotFoundError");
    }

    private async Task PutBucketLifecycle(string prefix)
    {
        LifecycleRule[] rules =
        [
            new() { ID = "archive-logs", Status = LifecycleRuleStatus.Enabled, Filter = new LifecycleFilter { Prefix = "logs/" }, Transitions = [new() { Days = 30, StorageClass = StorageClass.StandardIa }, new() { Days = 180, StorageClass = StorageClass.Archive }], Expiration = new LifecycleExpiration { Days = 365 } },
            new() { ID = "uploads", Status = LifecycleRuleStatus.Disabled, Filter = new LifecycleFilter { And = new LifecycleFilterAnd { Prefix = "tmp/", Tags = [new Tag { Key = "type", Value = "temp" }] } }, AbortIncompleteMultipartUpload = new LifecycleAbortIncompleteMultipartUpload { DaysAfterInitiation = 7 } },
        ];
        LifecycleRule both = new() { ID = "both", Status = LifecycleRuleStatus.Enabled, Filter = new LifecycleFilter(), Transitions = [new() { Days = 30, StorageClass = StorageClass.Archive }], Expiration = new LifecycleExpiration { Date = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)) } };

        var none = await Should.ThrowAsync<CosException>(() => Cos.GetBucketLifecycleAsync(new GetBucketLifecycleRequest { Bucket = Bucket }));
        var put = await Cos.PutBucketLifecycleAsync(new PutBucketLifecycleRequest { Bucket = Bucket, Rules = rules });
        var got = await Cos.GetBucketLifecycleAsync(new GetBucketLifecycleRequest { Bucket = Bucket });
        var refused = await Should.ThrowAsync<CosException>(() => Cos.PutBucketLifecycleAsync(new PutBucketLifecycleRequest { Bucket = Bucket, Rules = [both] }));
        var delete = await Cos.DeleteBucketLifecycleAsync(new DeleteBucketLifecycleRequest { Bucket = Bucket });
        var empty = await Should.ThrowAsync<CosException>(() => Cos.GetBucketLifecycleAsync(new GetBucketLifecycleRequest { Bucket = Bucket }));

        none.ErrorCode.ShouldBe("NoSuchLifecycleConfiguration");
        put.StatusCode.ShouldBe(200);
        got.Rules.Select(r => (r.ID, r.Status)).ShouldBe([("archive-logs", LifecycleRuleStatus.Enabled), ("uploads", LifecycleRuleStatus.Disabled)]);
        got.Rules[0].Filter.ShouldBe(new LifecycleFilter { Prefix = "logs/" });
        got.Rules[0].Transitions.ShouldBe(rules[0].Transitions);
        got.Rules[0].Expiration.ShouldBe(new LifecycleExpiration { Days = 365 });
        got.Rules[1].Filter!.And!.Tags.ShouldBe([new Tag { Key = "type", Value = "temp" }]);
        got.Rules[1].AbortIncompleteMultipartUpload.ShouldBe(new LifecycleAbortIncompleteMultipartUpload { DaysAfterInitiation = 7 });
        refused.StatusCode.ShouldBe(400);
        delete.StatusCode.ShouldBe(204);
        empty.ErrorCode.ShouldBe("NoSuchLifecycleConfiguration");
    }

    private async Task PutBucketDomain(string prefix)
    {
        DomainRule[] rules =
        [
            new() { Status = DomainStatus.Enabled, Name = "www.example.com", Type = DomainOriginType.Rest },
            new() { Status = DomainStatus.Disabled, Name = "static.example.com", Type = DomainOriginType.Website, ForcedReplacement = DomainForcedReplacement.Cname },
        ];

        var none = await Should.ThrowAsync<CosException>(() => Cos.GetBucketDomainAsync(new GetBucketDomainRequest { Bucket = Bucket }));
        var put = await Cos.PutBucketDomainAsync(new PutBucketDomainRequest { Bucket = Bucket, DomainRules = rules });
        var got = await Cos.GetBucketDomainAsync(new GetBucketDomainRequest { Bucket = Bucket });
        var delete = await Cos.DeleteBucketDomainAsync(new DeleteBucketDomainRequest { Bucket = Bucket });
        var gone = await Should.ThrowAsync<CosException>(() => Cos.GetBucketDomainAsync(new GetBucketDomainRequest { Bucket = Bucket }));

        none.StatusCode.ShouldBe(404);
        put.StatusCode.ShouldBe(200);
        got.DomainRules.ShouldBe(rules);
        delete.StatusCode.ShouldBe(204);
        (gone.StatusCode, gone.ErrorCode).ShouldBe((404, "NoSuchDomainConfiguration"));
    }

    private async Task PutBucketOrigin(string prefix)
    {
        var rule = new OriginRule
        {
            RulePriority = 1,
            OriginType = OriginType.Mirror,
            OriginCondition = new OriginCondition { HTTPStatusCode = 404, Prefix = "images/" },
            OriginParameter = new OriginParameter
            {
                Protocol = OriginProtocol.Https,
                FollowQueryString = true,
                HttpHeader = new OriginHttpHeader { NewHttpHeaders = [new OriginHeader { Key = "x-cos-meta-from", Value = "origin" }] },
                FollowRedirection = true,
            },
            OriginInfo = new OriginInfo { HostInfo = new OriginHostInfo { HostName = "origin.example.com" } },
        };

        var put = await Cos.PutBucketOriginAsync(new PutBucketOriginRequest { Bucket = Bucket, OriginRules = [rule] });
        var got = await Cos.GetBucketOriginAsync(new GetBucketOriginRequest { Bucket = Bucket });
        var delete = await Cos.DeleteBucketOriginAsync(new DeleteBucketOriginRequest { Bucket = Bucket });
        var gone = await Should.ThrowAsync<CosException>(() => Cos.GetBucketOriginAsync(new GetBucketOriginRequest { Bucket = Bucket }));

        put.StatusCode.ShouldBe(200);
        var back = got.OriginRules.ShouldHaveSingleItem();
        back.RulePriority.ShouldBe(1);
        back.OriginType.ShouldBe(OriginType.Mirror);
        back.OriginCondition.ShouldBe(rule.OriginCondition);
        back.OriginParameter.Protocol.ShouldBe(OriginProtocol.Https);
        back.OriginParameter.FollowQueryString.ShouldBe(true);
        back.OriginParameter.HttpHeader!.NewHttpHeaders.ShouldBe([new OriginHeader { Key = "x-cos-meta-from", Value = "origin" }]);
        back.OriginInfo.ShouldBe(rule.OriginInfo);
        delete.StatusCode.ShouldBe(204);
        (gone.StatusCode, gone.ErrorCode).ShouldBe((404, "NoSuchOriginConfiguration"));
    }

    private async Task PutBucketAccelerate(string prefix)
    {
        var never = await Cos.GetBucketAccelerateAsync(new GetBucketAccelerateRequest { Bucket = Bucket });
        var put = await Cos.PutBucketAccelerateAsync(new PutBucketAccelerateRequest { Bucket = Bucket, Status = AccelerateStatus.Enabled, Type = AccelerateType.Cos });
        var enabled = await Cos.GetBucketAccelerateAsync(new GetBucketAccelerateRequest { Bucket = Bucket });
        await Cos.PutBucketAccelerateAsync(new PutBucketAccelerateRequest { Bucket = Bucket, Status = AccelerateStatus.Suspended });
        var suspended = await Cos.GetBucketAccelerateAsync(new GetBucketAccelerateRequest { Bucket = Bucket });

        never.StatusCode.ShouldBe(200);
        never.Status.ShouldBeNull();
        put.StatusCode.ShouldBe(200);
        (enabled.Status, enabled.Type).ShouldBe((AccelerateStatus.Enabled, AccelerateType.Cos));
        suspended.Status.ShouldBe(AccelerateStatus.Suspended);
    }

    private async Task BucketBasics(string prefix)
    {
        var bucket = await FreshBucketAsync("dotnetbasics");
        var service = await Cos.GetServiceAsync(new GetServiceRequest());
        var location = await Cos.GetBucketLocationAsync(new GetBucketLocationRequest { Bucket = bucket });
        var delete = await Cos.DeleteBucketAsync(new DeleteBucketRequest { Bucket = bucket });
        var gone = await Should.ThrowAsync<CosException>(() => Cos.HeadBucketAsync(new HeadBucketRequest { Bucket = bucket }));

        service.Buckets.Select(b => b.Name).ShouldContain(bucket);
        location.LocationConstraint.ShouldBe(EmulatorFixture.Region);
        delete.StatusCode.ShouldBe(204);
        gone.StatusCode.ShouldBe(404);
    }

    private async Task BucketAcl(string prefix)
    {
        var bucket = await FreshBucketAsync("dotnetbacl");
        await Cos.PutObjectAsync(new PutObjectRequest { Bucket = bucket, Key = "pub.txt", Body = new MemoryStream("public"u8.ToArray()) });
        var url = $"http://{bucket}.cos.{EmulatorFixture.Region}.myqcloud.com/pub.txt";
        var before = await UnsignedGetAsync(url);
        var put = await Cos.PutBucketAclAsync(new PutBucketAclRequest { Bucket = bucket, Acl = global::Cos.Generated.BucketAcl.PublicRead, GrantFullControl = "id=\"100000000012\"" });
        var got = await Cos.GetBucketAclAsync(new GetBucketAclRequest { Bucket = bucket });
        var after = await UnsignedGetAsync(url);

        before.Status.ShouldBe(403);
        put.StatusCode.ShouldBe(200);
        got.Grants.ShouldContain(g => g.Grantee.URI == "http://cam.qcloud.com/groups/global/AllUsers" && g.Permission == Permission.Read);
        got.Grants.ShouldContain(g => g.Grantee.ID == "qcs::cam::uin/100000000012:uin/100000000012" && g.Permission == Permission.FullControl);
        (after.Status, after.Body).ShouldBe((200, "public"));
    }

    private async Task PutBucketPolicy(string prefix)
    {
        var bucket = await FreshBucketAsync("dotnetpolicy");
        var policy = new BucketPolicy
        {
            Version = "2.0",
            Statement =
            [
                new PolicyStatement
                {
                    Principal = new PolicyPrincipal { Qcs = ["qcs::cam::uin/100000000001:uin/100000000011"] },
                    Effect = PolicyEffect.Allow,
                    Action = ["name/cos:GetObject"],
                    Resource = [$"qcs::cos:{EmulatorFixture.Region}:uid/{EmulatorFixture.AppId}:{bucket}/*"],
                    Condition = System.Text.Json.JsonDocument.Parse("""{"ip_equal":{"qcs:ip":["10.0.0.0/8"]}}""").RootElement,
                },
            ],
        };
        var put = await Cos.PutBucketPolicyAsync(new PutBucketPolicyRequest { Bucket = bucket, Policy = policy });
        var got = await Cos.GetBucketPolicyAsync(new GetBucketPolicyRequest { Bucket = bucket });
        var delete = await Cos.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest { Bucket = bucket });
        var none = await Should.ThrowAsync<CosException>(() => Cos.GetBucketPolicyAsync(new GetBucketPolicyRequest { Bucket = bucket }));

        put.StatusCode.ShouldBe(204);
        var statement = got.Policy.ShouldNotBeNull().Statement.ShouldHaveSingleItem();
        statement.Action.ShouldBe(["name/cos:GetObject"]);
        statement.Condition.ShouldNotBeNull().GetProperty("ip_equal").GetProperty("qcs:ip")[0].GetString().ShouldBe("10.0.0.0/8");
        delete.StatusCode.ShouldBe(204);
        (none.StatusCode, none.ErrorCode).ShouldBe((404, "NoSuchPolicy"));
    }

    private async Task PutBucketTagging(string prefix)
    {
        var bucket = await FreshBucketAsync("dotnettags");
        Tag[] tags = [new() { Key = "team", Value = "storage" }, new() { Key = "cost center", Value = "a&b" }];
        var put = await Cos.PutBucketTaggingAsync(new PutBucketTaggingRequest { Bucket = bucket, TagSet = tags });
        var got = await Cos.GetBucketTaggingAsync(new GetBucketTaggingRequest { Bucket = bucket });
        var tooMany = await Should.ThrowAsync<CosException>(() => Cos.PutBucketTaggingAsync(new PutBucketTaggingRequest { Bucket = bucket, TagSet = [.. Enumerable.Range(0, 51).Select(i => new Tag { Key = $"k{i}", Value = "v" })] }));
        var delete = await Cos.DeleteBucketTaggingAsync(new DeleteBucketTaggingRequest { Bucket = bucket });
        var empty = await Should.ThrowAsync<CosException>(() => Cos.GetBucketTaggingAsync(new GetBucketTaggingRequest { Bucket = bucket }));

        put.StatusCode.ShouldBe(204);
        got.TagSet.ShouldBe(tags);
        tooMany.ErrorCode.ShouldBe("InvalidTag");
        delete.StatusCode.ShouldBe(204);
        empty.ErrorCode.ShouldBe("NoSuchTagSet");
    }

    private async Task ObjectTagging(string prefix)
    {
        var key = prefix + "tags/object.txt";
        await Cos.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = key, Body = new MemoryStream("tagged"u8.ToArray()), Tagging = "origin=upload&note=two%20words" });
        var fromHeader = await Cos.GetObjectTaggingAsync(new GetObjectTaggingRequest { Bucket = Bucket, Key = key });
        var head = await Cos.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = key });
        Tag[] tags = [new() { Key = "stage", Value = "final" }];
        var put = await Cos.PutObjectTaggingAsync(new PutObjectTaggingRequest { Bucket = Bucket, Key = key, TagSet = tags });
        var replaced = await Cos.GetObjectTaggingAsync(new GetObjectTaggingRequest { Bucket = Bucket, Key = key });
        var tooMany = await Should.ThrowAsync<CosException>(() => Cos.PutObjectTaggingAsync(new PutObjectTaggingRequest { Bucket = Bucket, Key = key, TagSet = [.. Enumerable.Range(0, 11).Select(i => new Tag { Key = $"k{i}", Value = "v" })] }));
        var delete = await Cos.DeleteObjectTaggingAsync(new DeleteObjectTaggingRequest { Bucket = Bucket, Key = key });
        var empty = await Should.ThrowAsync<CosException>(() => Cos.GetObjectTaggingAsync(new GetObjectTaggingRequest { Bucket = Bucket, Key = key }));

        fromHeader.TagSet.ShouldBe([new Tag { Key = "origin", Value = "upload" }, new Tag { Key = "note", Value = "two words" }]);
        head.TaggingCount.ShouldBe(2);
        put.StatusCode.ShouldBe(200);
        replaced.TagSet.ShouldBe(tags);
        tooMany.ErrorCode.ShouldBe("InvalidTag");
        delete.StatusCode.ShouldBe(204);
        empty.ErrorCode.ShouldBe("NoSuchTagSet");
    }

    private async Task PutBucketReferer(string prefix)
    {
        var bucket = await FreshBucketAsync("dotnetreferer");
        var put = await Cos.PutBucketRefererAsync(new PutBucketRefererRequest
        {
            Bucket = bucket, Status = RefererStatus.Enabled, RefererType = RefererType.WhiteList, Domains = ["*.example.com", "www.example.org"], EmptyReferConfiguration = EmptyRefererAccess.Deny,
        });
        var got = await Cos.GetBucketRefererAsync(new GetBucketRefererRequest { Bucket = bucket });

        put.StatusCode.ShouldBe(200);
        (got.RefererType, got.EmptyReferConfiguration).ShouldBe((RefererType.WhiteList, EmptyRefererAccess.Deny));
        got.Domains.ShouldBe(["*.example.com", "www.example.org"]);
    }

    private async Task PutBucketEncryption(string prefix)
    {
        var bucket = await FreshBucketAsync("dotnetenc");
        var put = await Cos.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            Bucket = bucket,
            Rule = new BucketEncryptionRule { ApplyServerSideEncryptionByDefault = new BucketEncryptionDefault { SseAlgorithm = BucketEncryptionAlgorithm.Aes256 } },
        });
        var got = await Cos.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { Bucket = bucket });
        var encrypted = await Cos.PutObjectAsync(new PutObjectRequest { Bucket = bucket, Key = "enc.txt", Body = new MemoryStream("secret"u8.ToArray()) });
        var head = await Cos.HeadObjectAsync(new HeadObjectRequest { Bucket = bucket, Key = "enc.txt" });
        var delete = await Cos.DeleteBucketEncryptionAsync(new DeleteBucketEncryptionRequest { Bucket = bucket });
        var plain = await Cos.PutObjectAsync(new PutObjectRequest { Bucket = bucket, Key = "plain.txt", Body = new MemoryStream("plain"u8.ToArray()) });

        put.StatusCode.ShouldBe(200);
        got.Rule.ShouldNotBeNull().ApplyServerSideEncryptionByDefault.SseAlgorithm.ShouldBe(BucketEncryptionAlgorithm.Aes256);
        encrypted.ServerSideEncryption.ShouldBe(ServerSideEncryption.Aes256);
        head.ServerSideEncryption.ShouldBe(ServerSideEncryption.Aes256);
        delete.StatusCode.ShouldBe(204);
        plain.ServerSideEncryption.ShouldBeNull();
    }

    private async Task PutBucketWebsite(string prefix)
    {
        var bucket = await FreshBucketAsync("dotnetsite");
        var put = await Cos.PutBucketWebsiteAsync(new PutBucketWebsiteRequest
        {
            Bucket = bucket,
            IndexDocument = new WebsiteIndexDocument { Suffix = "index.html" },
            ErrorDocument = new WebsiteErrorDocument { Key = "error.html" },
            RoutingRules = [new WebsiteRoutingRule { Condition = new WebsiteRoutingCondition { KeyPrefixEquals = "docs/" }, Redirect = new WebsiteRedirect { Protocol = "https", ReplaceKeyPrefixWith = "documents/" } }],
        });
        var got = await Cos.GetBucketWebsiteAsync(new GetBucketWebsiteRequest { Bucket = bucket });
        var delete = await Cos.DeleteBucketWebsiteAsync(new DeleteBucketWebsiteRequest { Bucket = bucket });
        var none = await Should.ThrowAsync<CosException>(() => Cos.GetBucketWebsiteAsync(new GetBucketWebsiteRequest { Bucket = bucket }));

        put.StatusCode.ShouldBe(200);
        got.IndexDocument.ShouldNotBeNull().Suffix.ShouldBe("index.html");
        got.ErrorDocument.ShouldNotBeNull().Key.ShouldBe("error.html");
        got.RoutingRules.ShouldHaveSingleItem().Redirect.ReplaceKeyPrefixWith.ShouldBe("documents/");
        delete.StatusCode.ShouldBe(204);
        none.ErrorCode.ShouldBe("NoSuchWebsiteConfiguration");
    }

    private async Task MultipartLowLevel(string prefix)
    {
        var key = prefix + "multipart/low level.bin";
        var data = RandomNumberGenerator.GetBytes(MiB + 100);
        var init = await Cos.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Bucket, Key = key, Tagging = "via=multipart" });
        var uploadId = init.UploadId.ShouldNotBeNull();
        var listed = await Cos.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { Bucket = Bucket, Prefix = prefix + "multipart/" });
        var part1 = await UploadPartAsync(key, uploadId, data, 1);
        var source = prefix + "multipart/source.bin";
        await PutAsync(source, data[MiB..]);
        var part2 = await Cos.UploadPartCopyAsync(new UploadPartCopyRequest
        {
            Bucket = Bucket, Key = key, UploadId = uploadId, PartNumber = 2,
            CopySource = $"{Bucket}.cos.{EmulatorFixture.Region}.myqcloud.com/{Uri.EscapeDataString(source).Replace("%2F", "/", StringComparison.Ordinal)}",
        });
        var parts = await Cos.ListPartsAsync(new ListPartsRequest { Bucket = Bucket, Key = key, UploadId = uploadId });
        var done = await Cos.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            Bucket = Bucket, Key = key, UploadId = uploadId, Parts = [part1, new CompletedPart { PartNumber = 2, ETag = part2.ETag! }],
        });
        var tags = await Cos.GetObjectTaggingAsync(new GetObjectTaggingRequest { Bucket = Bucket, Key = key });
        var abandoned = await Cos.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Bucket, Key = prefix + "multipart/abandoned.bin" });
        var abort = await Cos.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { Bucket = Bucket, Key = prefix + "multipart/abandoned.bin", UploadId = abandoned.UploadId! });
        var again = await Should.ThrowAsync<CosException>(() => Cos.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { Bucket = Bucket, Key = prefix + "multipart/abandoned.bin", UploadId = abandoned.UploadId! }));

        listed.Uploads.Select(u => u.UploadId).ShouldContain(uploadId);
        parts.Parts.Select(p => p.PartNumber).ShouldBe([1, 2]);
        done.StatusCode.ShouldBe(200);
        (await GetBytesAsync(key)).ShouldBe(data);
        tags.TagSet.ShouldBe([new Tag { Key = "via", Value = "multipart" }]);
        abort.StatusCode.ShouldBe(204);
        again.StatusCode.ShouldBe(404);
    }

    /// <summary>An unsigned GET through the emulator, keeping the URL's Host: what an anonymous reader sends.</summary>
    private async Task<(int Status, string Body)> UnsignedGetAsync(string url)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, fixture.Emulator.Port), token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        });
        using var response = await http.GetAsync(url);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task PutBucketLogging(string prefix)
    {
        // COS allows the source bucket itself as the target (not recommended).
        var target = new BucketLoggingEnabled { TargetBucket = Bucket, TargetPrefix = "logs/" };

        var off = await Cos.GetBucketLoggingAsync(new GetBucketLoggingRequest { Bucket = Bucket });
        var put = await Cos.PutBucketLoggingAsync(new PutBucketLoggingRequest { Bucket = Bucket, LoggingEnabled = target });
        var on = await Cos.GetBucketLoggingAsync(new GetBucketLoggingRequest { Bucket = Bucket });
        var disable = await Cos.PutBucketLoggingAsync(new PutBucketLoggingRequest { Bucket = Bucket });
        var offAgain = await Cos.GetBucketLoggingAsync(new GetBucketLoggingRequest { Bucket = Bucket });
        var missing = await Should.ThrowAsync<CosException>(() => Cos.PutBucketLoggingAsync(new PutBucketLoggingRequest { Bucket = Bucket, LoggingEnabled = new BucketLoggingEnabled { TargetBucket = $"nosuchlogs-{EmulatorFixture.AppId}" } }));

        off.StatusCode.ShouldBe(200);
        off.LoggingEnabled.ShouldBeNull();
        put.StatusCode.ShouldBe(200);
        on.LoggingEnabled.ShouldBe(target);
        disable.StatusCode.ShouldBe(200);
        offAgain.LoggingEnabled.ShouldBeNull();
        missing.StatusCode.ShouldBe(400);
    }

    private Task<PutObjectResponse> PutAsync(string key, byte[] body, string? contentType = null, Dictionary<string, string>? metadata = null) =>
        Cos.PutObjectAsync(new PutObjectRequest
        {
            Bucket = Bucket,
            Key = key,
            Body = new MemoryStream(body),
            ContentLength = body.Length,
            ContentType = contentType,
            Metadata = metadata,
        });

    /// <summary>The Node scenario's queries, delimiters written as the SDKs' examples write them (<c>\\n</c>).</summary>
    private async Task SelectObjectContent(string prefix)
    {
        var key = prefix + "select/people.csv";
        const string csv = "name,age\nzhang,30\nli,25\nwang,41\n";
        await PutAsync(key, Encoding.UTF8.GetBytes(csv));
        async Task<(string Records, SelectStats? Stats)> SelectAsync(string expression, SelectOutputSerialization output)
        {
            await using var result = await Cos.SelectObjectContentAsync(new SelectObjectContentRequest
            {
                Bucket = Bucket,
                Key = key,
                Expression = expression,
                ExpressionType = "SQL",
                InputSerialization = new SelectInputSerialization
                {
                    CompressionType = "NONE",
                    Csv = new SelectCsvInput { FileHeaderInfo = "USE", RecordDelimiter = "\\n", FieldDelimiter = ",", QuoteCharacter = "\"", QuoteEscapeCharacter = "\"", Comments = "#", AllowQuotedRecordDelimiter = false },
                },
                OutputSerialization = output,
                RequestProgress = new SelectRequestProgress { Enabled = false },
            });
            var events = await result.Events.ToListAsync();
            events[^1].ShouldBeOfType<SelectEvent.End>();
            var records = events.OfType<SelectEvent.Records>().SelectMany(r => r.Payload.ToArray()).ToArray();
            return (Encoding.UTF8.GetString(records), events.OfType<SelectEvent.Stats>().SingleOrDefault()?.Payload);
        }

        var asCsv = await SelectAsync("SELECT s.name, s.age FROM COSObject s WHERE CAST(s.age AS INT) > 28", new SelectOutputSerialization { Csv = new SelectCsvOutput { QuoteFields = "ASNEEDED", RecordDelimiter = "\\n" } });
        asCsv.Records.ShouldBe("zhang,30\nwang,41\n");
        asCsv.Stats.ShouldBe(new SelectStats { BytesScanned = csv.Length, BytesProcessed = csv.Length, BytesReturned = 17 });

        var asJson = await SelectAsync("SELECT s.name FROM COSObject s WHERE s.name = 'li' OR s.name = 'wang' LIMIT 1", new SelectOutputSerialization { Json = new SelectJsonOutput { RecordDelimiter = "\\n" } });
        asJson.Records.ShouldBe("{\"name\":\"li\"}\n");

        var bad = await Should.ThrowAsync<CosException>(() => SelectAsync("SELECT * FROM COSObject WHERE", new SelectOutputSerialization { Csv = new SelectCsvOutput() }));
        (bad.StatusCode, bad.ErrorCode).ShouldBe((400, CosErrorCodes.ParseUnexpectedToken));
    }

    private async Task<byte[]> GetBytesAsync(string key)
    {
        await using var get = await Cos.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = key });
        return await ReadAllAsync(get.Body);
    }

    private static async Task<byte[]> ReadAllAsync(Stream body)
    {
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static int PartCount(byte[] data) => (data.Length + MiB - 1) / MiB;

    private static byte[] Slice(byte[] data, int partNumber) => data[((partNumber - 1) * MiB)..Math.Min(data.Length, partNumber * MiB)];

    private async Task<CompletedPart> UploadPartAsync(string key, string uploadId, byte[] data, int partNumber)
    {
        var slice = Slice(data, partNumber);
        var part = await Cos.UploadPartAsync(new UploadPartRequest
        {
            Bucket = Bucket,
            Key = key,
            UploadId = uploadId,
            PartNumber = partNumber,
            Body = new MemoryStream(slice),
            ContentLength = slice.Length,
        });
        part.ETag.ShouldNotBeNullOrEmpty();
        part.Crc64.ShouldBe(CosCrc64.Compute(slice), $"part {partNumber} CRC-64");
        return new CompletedPart { PartNumber = partNumber, ETag = part.ETag! };
    }

    /// <summary>The whole object reads back byte for byte, and every CRC-64 the server reports is the data's.</summary>
    private async Task VerifyObjectAsync(string key, byte[] data, ulong? completeCrc64)
    {
        var expected = CosCrc64.Compute(data);
        completeCrc64.ShouldBe(expected, "CRC-64 of CompleteMultipartUpload");
        var head = await Cos.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = key });
        head.ContentLength.ShouldBe(data.Length);
        head.Crc64.ShouldBe(expected, "CRC-64 of HEAD");
        await using var get = await Cos.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = key });
        var bytes = await ReadAllAsync(get.Body);
        bytes.Length.ShouldBe(data.Length);
        bytes.AsSpan().SequenceEqual(data).ShouldBeTrue("the object's bytes differ from the uploaded data");
        get.Crc64.ShouldBe(expected, "CRC-64 of GET");
        CosCrc64.Compute(bytes).ShouldBe(expected);
    }

    private HttpClient PlainHttpClient()
    {
        var emulator = new DnsEndPoint(fixture.Emulator.Endpoint.Host, fixture.Emulator.Port);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(emulator, token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }
}
