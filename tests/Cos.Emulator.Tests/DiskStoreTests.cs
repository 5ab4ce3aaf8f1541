using System.Net.Sockets;
using System.Text;
using Cos.Generated;

namespace Cos.Emulator.Tests;

public sealed class DiskStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cos-emulator-tests-" + Guid.NewGuid().ToString("N"));

    private string DataDir => Path.Combine(_root, "data");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task<CosEmulator> StartAsync() =>
        CosEmulator.StartAsync(new CosEmulatorOptions { DataDirectory = DataDir, Buckets = [new EmulatorBucket(Emulators.Bucket)] });

    [Fact]
    public async Task A_restart_keeps_configuration_documents_and_a_new_object_version_starts_without_them()
    {
        await using (var cos = await StartAsync())
        {
            using var client = Emulators.Client(cos);
            await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "tagged.txt", Body = new MemoryStream("v1"u8.ToArray()) });
            await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "replaced.txt", Body = new MemoryStream("v1"u8.ToArray()) });
            cos.Store.PutConfiguration(Emulators.Bucket, string.Empty, "tagging", "<Tagging><TagSet /></Tagging>");
            cos.Store.PutConfiguration(Emulators.Bucket, "tagged.txt", "tagging", "<Tagging>object</Tagging>");
            cos.Store.PutConfiguration(Emulators.Bucket, "replaced.txt", "tagging", "<Tagging>old</Tagging>");
            await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "replaced.txt", Body = new MemoryStream("v2"u8.ToArray()) });
            cos.Store.DeleteConfiguration(Emulators.Bucket, string.Empty, "policy").ShouldBeFalse();
            Should.Throw<Errors.CosErrorException>(() => cos.Store.PutConfiguration(Emulators.Bucket, "missing.txt", "tagging", "x")).Code.ShouldBe("NoSuchKey");
        }

        await using (var cos = await StartAsync())
        {
            cos.Store.GetConfiguration(Emulators.Bucket, string.Empty, "tagging").ShouldBe("<Tagging><TagSet /></Tagging>");
            cos.Store.GetConfiguration(Emulators.Bucket, "tagged.txt", "tagging").ShouldBe("<Tagging>object</Tagging>");
            cos.Store.GetConfiguration(Emulators.Bucket, "replaced.txt", "tagging").ShouldBeNull("a PUT Object makes a new version without the old one's tags");
            cos.Store.DeleteConfiguration(Emulators.Bucket, "tagged.txt", "tagging").ShouldBeTrue();
        }

        await using (var cos = await StartAsync())
        {
            cos.Store.GetConfiguration(Emulators.Bucket, "tagged.txt", "tagging").ShouldBeNull();
        }
    }

    [Fact]
    public async Task A_data_directory_written_before_objects_had_versions_still_loads()
    {
        await using (var cos = await StartAsync())
        {
            using var client = Emulators.Client(cos);
            await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "old.txt", Body = new MemoryStream("old"u8.ToArray()) });
        }

        // Rewrite the sidecar in the earlier form: {"Bucket": ..., "Object": {record}}.
        var sidecar = Directory.EnumerateFiles(Path.Combine(DataDir, "objects"), "*.json", SearchOption.AllDirectories).Single();
        var current = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(sidecar))!.AsObject();
        var legacy = new System.Text.Json.Nodes.JsonObject { ["Bucket"] = current["Bucket"]!.GetValue<string>(), ["Object"] = current["Versions"]![0]!.DeepClone() };
        File.WriteAllText(sidecar, legacy.ToJsonString());

        await using (var cos = await StartAsync())
        {
            using var client = Emulators.Client(cos);
            await using var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "old.txt" });
            (await new StreamReader(get.Body).ReadToEndAsync()).ShouldBe("old");
        }
    }

    [Fact]
    public async Task A_restart_keeps_the_versioning_state_every_version_and_delete_markers()
    {
        string? one, two, marker;
        await using (var cos = await StartAsync())
        {
            using var client = Emulators.Client(cos);
            await client.PutBucketVersioningAsync(new PutBucketVersioningRequest { Bucket = Emulators.Bucket, Status = BucketVersioningStatus.Enabled });
            one = (await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "v.txt", Body = new MemoryStream("one"u8.ToArray()) })).VersionId;
            two = (await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "v.txt", Body = new MemoryStream("two"u8.ToArray()) })).VersionId;
            marker = (await client.DeleteObjectAsync(new DeleteObjectRequest { Bucket = Emulators.Bucket, Key = "v.txt" })).VersionId;
        }

        await using (var cos = await StartAsync())
        {
            using var client = Emulators.Client(cos);
            (await client.GetBucketVersioningAsync(new GetBucketVersioningRequest { Bucket = Emulators.Bucket })).Status.ShouldBe(BucketVersioningStatus.Enabled);
            var listing = await client.ListObjectVersionsAsync(new ListObjectVersionsRequest { Bucket = Emulators.Bucket });
            listing.Versions.Select(v => v.VersionId).ShouldBe([two, one]);
            listing.DeleteMarkers.ShouldHaveSingleItem().VersionId.ShouldBe(marker);
            await using var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "v.txt", VersionId = one });
            (await new StreamReader(get.Body).ReadToEndAsync()).ShouldBe("one");
        }
    }

    [Fact]
    public async Task An_appendable_object_stays_appendable_across_a_restart()
    {
        await using (var cos = await StartAsync())
        {
            using var client = Emulators.Client(cos);
            await client.AppendObjectAsync(new AppendObjectRequest { Bucket = Emulators.Bucket, Key = "log.txt", Position = 0, Body = new MemoryStream("abc"u8.ToArray()), ContentLength = 3 });
        }

        await using (var cos = await StartAsync())
        {
            using var client = Emulators.Client(cos);
            (await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "log.txt" })).ObjectType.ShouldBe("appendable");
            (await client.AppendObjectAsync(new AppendObjectRequest { Bucket = Emulators.Bucket, Key = "log.txt", Position = 3, Body = new MemoryStream("de"u8.ToArray()), ContentLength = 2 })).NextAppendPosition.ShouldBe(5);
        }

        await using (var cos = await StartAsync())
        {
            using var client = Emulators.Client(cos);
            await using var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "log.txt" });
            (await Emulators.ReadAllAsync(get.Body)).ShouldBe("abcde"u8.ToArray());
        }
    }

    [Fact]
    public async Task A_restart_keeps_buckets_objects_metadata_and_open_uploads()
    {
        string uploadId;
        var body = Emulators.Bytes(300_000, 3);
        await using (var cos = await StartAsync())
        {
            using var client = Emulators.Client(cos);
            await client.PutBucketAsync(new PutBucketRequest { Bucket = "second-1250000000" });
            await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "keep/me.bin", Body = new MemoryStream(body), ContentType = "application/x-kept", Metadata = new Dictionary<string, string> { ["m"] = "v" } });
            uploadId = (await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { Bucket = Emulators.Bucket, Key = "later.bin" })).UploadId!;
            await client.UploadPartAsync(new UploadPartRequest { Bucket = Emulators.Bucket, Key = "later.bin", UploadId = uploadId, PartNumber = 1, Body = new MemoryStream([9, 9, 9]) });
        }

        await using (var cos = await StartAsync())
        {
            using var client = Emulators.Client(cos);
            (await client.GetServiceAsync(new GetServiceRequest())).Buckets.Select(b => b.Name).ShouldBe([Emulators.Bucket, "second-1250000000"]);
            await using (var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "keep/me.bin" }))
            {
                (await Emulators.ReadAllAsync(get.Body)).ShouldBe(body);
                get.ContentType.ShouldBe("application/x-kept");
                get.Metadata["m"].ShouldBe("v");
                get.Crc64.ShouldBe(Generated.Integrity.CosCrc64.Compute(body));
            }

            var parts = await client.ListPartsAsync(new ListPartsRequest { Bucket = Emulators.Bucket, Key = "later.bin", UploadId = uploadId });
            parts.Parts.Single().Size.ShouldBe(3);
            await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                Bucket = Emulators.Bucket, Key = "later.bin", UploadId = uploadId, Parts = [new CompletedPart { PartNumber = 1, ETag = parts.Parts[0].ETag! }],
            });
            await using var later = await client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = "later.bin" });
            (await Emulators.ReadAllAsync(later.Body)).ShouldBe(new byte[] { 9, 9, 9 });
        }
    }

    [Fact]
    public async Task Path_escaping_keys_stay_inside_the_data_directory()
    {
        Directory.CreateDirectory(_root);
        var keys = new[] { "../../escape.txt", "../outside", "/abs/path", "a/../../b", "..", "con", "x//y", "\\windows\\path" };
        await using (var cos = await StartAsync())
        {
            using var client = Emulators.Client(cos);
            foreach (var key in keys)
            {
                await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = key, Body = new MemoryStream(Encoding.UTF8.GetBytes(key)) });
            }

            (await client.EnumerateObjectsAsync(new GetBucketRequest { Bucket = Emulators.Bucket }).CountAsync()).ShouldBe(keys.Length);
            foreach (var key in keys)
            {
                await using var get = await client.GetObjectAsync(new GetObjectRequest { Bucket = Emulators.Bucket, Key = key });
                Encoding.UTF8.GetString(await Emulators.ReadAllAsync(get.Body)).ShouldBe(key);
            }
        }

        Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName).ShouldBe(["data"]);
        var dataDir = Path.GetFullPath(DataDir) + Path.DirectorySeparatorChar;
        foreach (var entry in Directory.EnumerateFileSystemEntries(DataDir, "*", SearchOption.AllDirectories))
        {
            Path.GetFullPath(entry).ShouldStartWith(dataDir);
            Path.GetFileName(entry).ShouldNotContain("escape");
            Path.GetFileName(entry).ShouldNotContain("outside");
        }
    }

    [Fact]
    public async Task A_write_killed_mid_body_leaves_no_visible_object_and_no_temp_file()
    {
        await using var cos = await StartAsync();
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync("127.0.0.1", cos.Port);
            var stream = socket.GetStream();
            var request = RawRequests.Create(cos, HttpMethod.Put, "/killed.bin", headers: new Dictionary<string, string> { ["Content-Length"] = "1000000" });
            var head = new StringBuilder($"PUT /killed.bin HTTP/1.1\r\nHost: {Emulators.Host}\r\nContent-Length: 1000000\r\n");
            head.Append($"Authorization: {request.Headers.GetValues("Authorization").Single()}\r\n\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
            await stream.WriteAsync(Emulators.Bytes(400_000));
            await stream.FlushAsync();
            await Task.Delay(200);
        }

        using var client = Emulators.Client(cos);
        for (var i = 0; i < 50 && Directory.EnumerateFiles(Path.Combine(DataDir, "tmp")).Any(); i++)
        {
            await Task.Delay(50);
        }

        Directory.EnumerateFiles(Path.Combine(DataDir, "tmp")).ShouldBeEmpty();
        (await Should.ThrowAsync<CosException>(() => client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "killed.bin" }))).StatusCode.ShouldBe(404);
        Directory.EnumerateFiles(Path.Combine(DataDir, "blobs")).ShouldBeEmpty();
    }
}
