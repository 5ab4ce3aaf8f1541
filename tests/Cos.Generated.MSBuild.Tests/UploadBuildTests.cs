using System.Text.RegularExpressions;
using Cos.Generated.Integrity;

namespace Cos.Generated.MSBuild.Tests;

/// <summary>
/// One sample library built twice: items with per-item metadata, a glob under a KeyPrefix, and a SourceDirectory
/// with include/exclude globs through the task directly. The first build uploads (checked byte for byte, headers,
/// output items, presigned URLs in the targets' default file, a binlog without the key); the second skips what did not change.
/// </summary>
[Collection(TaskPackageCollection.Name)]
public sealed class UploadBuildTests(TaskPackageFixture fixture)
{
    private const string Bucket = "uploads-1250000000";

    private const string Body = """
          <PropertyGroup>
            <CosKeyPrefix>web</CosKeyPrefix>
            <CosCacheControl>max-age=60</CosCacheControl>
            <CosPresignExpirySeconds>600</CosPresignExpirySeconds>
          </PropertyGroup>
          <ItemGroup>
            <CosUploadFile Include="readme.txt" Key="docs/readme.txt" ContentType="text/plain" CacheControl="no-cache"
                           ContentDisposition="attachment; filename=readme.txt" StorageClass="STANDARD_IA" x-cos-meta-author="build-bot" />
            <CosUploadFile Include="site/**" Exclude="site/**/*.pdb" />
          </ItemGroup>
          <Target Name="UploadAssets" AfterTargets="CosUploadFiles">
            <CosUpload Bucket="$(CosBucket)" Region="$(CosRegion)" Protocol="$(CosProtocol)" ConnectTo="$(CosConnectTo)"
                       SourceDirectory="assets" Include="**/*.css;**/*.svg" Exclude="legacy/**" KeyPrefix="static/v1/" Metadata="build=42">
              <Output TaskParameter="UploadedItems" ItemName="CosUploadedItems" />
              <Output TaskParameter="SkippedItems" ItemName="CosSkippedItems" />
            </CosUpload>
          </Target>
          <Target Name="RecordOutputs" AfterTargets="UploadAssets">
            <WriteLinesToFile File="outputs.txt" Overwrite="true"
                              Lines="@(CosUploadedItems->'uploaded|%(Key)|%(ETag)|%(Crc64)|%(Size)|%(Url)');@(CosSkippedItems->'skipped|%(Key)|%(Reason)|%(Crc64)')" />
          </Target>
        """;

    [Fact]
    public async Task First_build_uploads_every_item_byte_for_byte_and_a_second_build_skips_the_unchanged_ones()
    {
        var sample = fixture.CreateSample("uploads", Bucket, Body);
        var local = new Dictionary<string, byte[]>
        {
            ["docs/readme.txt"] = sample.Write("readme.txt", "Read me.\n"),
            ["web/index.html"] = sample.Write("site/index.html", "<!doctype html><p>hi</p>\n"),
            ["web/js/app.js"] = sample.Write("site/js/app.js", "console.log('v1');\n"),
            ["web/big.bin"] = sample.Write("site/big.bin", SampleProject.RandomBytes((1024 * 1024) + (512 * 1024), seed: 1)),
            ["static/v1/css/site.css"] = sample.Write("assets/css/site.css", "body { color: red; }\n"),
            ["static/v1/img/logo.svg"] = sample.Write("assets/img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"),
        };
        sample.Write("site/js/app.pdb", "excluded by Exclude on the item");
        sample.Write("assets/legacy/old.css", "excluded by the task's Exclude glob");
        sample.Write("assets/notes.txt", "matched by no Include glob");
        var initiated = fixture.CountRequests(Bucket, "InitiateMultipartUpload").Single();
        var binlog = Path.Combine(sample.Directory, "first.binlog");

        var first = await sample.RunAsync(fixture.KeyEnvironment(), "build", "-bl:" + binlog);

        first.ExitCode.ShouldBe(0, first.ToString());
        first.Output.ShouldContain("CosUpload: uploaded 4 files");
        first.Output.ShouldContain("CosUpload: uploaded 2 files");
        initiated.Fired.ShouldBe(1); // big.bin is above the 1 MiB slice size: a multipart upload
        using var client = fixture.Client();
        var landed = new LandedObjects(client, Bucket);
        (await landed.KeysAsync()).Order(StringComparer.Ordinal).ShouldBe(local.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, bytes) in local)
        {
            (await landed.DownloadAsync(key)).ShouldBe(bytes, $"object {key}");
        }

        var readme = await landed.HeadAsync("docs/readme.txt");
        readme.ContentType.ShouldBe("text/plain");
        readme.CacheControl.ShouldBe("no-cache");
        readme.ContentDisposition.ShouldBe("attachment; filename=readme.txt");
        readme.StorageClass?.Value.ShouldBe("STANDARD_IA");
        readme.Metadata.ShouldNotBeNull()["author"].ShouldBe("build-bot");
        var index = await landed.HeadAsync("web/index.html");
        index.ContentType.ShouldBe("text/html; charset=utf-8"); // by extension
        index.CacheControl.ShouldBe("max-age=60"); // the CosCacheControl default
        (await landed.HeadAsync("static/v1/css/site.css")).Metadata.ShouldNotBeNull()["build"].ShouldBe("42");

        // UploadedItems: key, the object's ETag, the CRC-64 of the local bytes, size and URL; the presigned URLs of
        // CosUploadFiles are in the targets' default file under obj/, and they work.
        var uploaded = sample.ReadLines("outputs.txt").Select(l => l.Split('|')).Where(f => f[0] == "uploaded").ToDictionary(f => f[1]);
        uploaded.Keys.Order(StringComparer.Ordinal).ShouldBe(local.Keys.Order(StringComparer.Ordinal));
        var presigned = PresignedUrlsFile.Read(sample.PathOf("obj/Debug/net10.0/cos-presigned-urls.json"));
        presigned.Keys.Order(StringComparer.Ordinal).ShouldBe(local.Keys.Where(k => !k.StartsWith("static/", StringComparison.Ordinal)).Order(StringComparer.Ordinal), "that CosUpload call asked for no presigned URL");
        using var http = fixture.RawHttp();
        foreach (var (key, bytes) in local)
        {
            var fields = uploaded[key];
            fields[2].ShouldBe((await landed.HeadAsync(key)).ETag);
            fields[3].ShouldBe(CosCrc64.Compute(bytes).ToString(System.Globalization.CultureInfo.InvariantCulture));
            fields[4].ShouldBe(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            fields[5].ShouldBe($"http://{Bucket}.cos.{TaskPackageFixture.Region}.myqcloud.com/{key}");
            if (presigned.TryGetValue(key, out var entry))
            {
                entry.Url.ShouldContain("q-signature=");
                (await http.GetByteArrayAsync(entry.Url)).ShouldBe(bytes, $"presigned GET of {key}");
            }
        }

        // The key was in the build's environment, never in its log.
        var log = BinlogSearch.Decompress(binlog);
        BinlogSearch.Contains(log, "docs/readme.txt").ShouldBeTrue("the search must find what the binlog does hold");
        BinlogSearch.Contains(log, fixture.SecretKey).ShouldBeFalse("the SecretKey is in the binlog");
        first.Output.ShouldNotContain(fixture.SecretKey);

        // Second build: one file changed; only it is sent, the rest are skipped as unchanged.
        local["web/js/app.js"] = sample.Write("site/js/app.js", "console.log('v2');\n");
        var sends = fixture.CountRequests(Bucket, "PutObject", "InitiateMultipartUpload", "UploadPart");

        var second = await sample.RunAsync(fixture.KeyEnvironment(), "build");

        second.ExitCode.ShouldBe(0, second.ToString());
        sends[0].Fired.ShouldBe(1); // the one PUT of app.js
        sends[1].Fired.ShouldBe(0);
        sends[2].Fired.ShouldBe(0);
        (await landed.DownloadAsync("web/js/app.js")).ShouldBe(local["web/js/app.js"]);
        second.Output.ShouldContain("CosUpload: uploaded 1 file (");
        second.Output.ShouldContain("skipped 3 unchanged");
        second.Output.ShouldContain("skipped 2 unchanged");
        var lines = sample.ReadLines("outputs.txt").Select(l => l.Split('|')).ToList();
        lines.Where(f => f[0] == "uploaded").Select(f => f[1]).ShouldBe(["web/js/app.js"]);
        var skipped = lines.Where(f => f[0] == "skipped").ToList();
        skipped.Select(f => f[1]).Order(StringComparer.Ordinal).ShouldBe(local.Keys.Where(k => k != "web/js/app.js").Order(StringComparer.Ordinal));
        skipped.ShouldAllBe(f => f[2] == "Unchanged");
        Regex.Matches(second.Output, @"Skipped .* already has the same content").Count.ShouldBe(0, "per-file lines are normal importance, not shown at minimal verbosity");
    }
}
