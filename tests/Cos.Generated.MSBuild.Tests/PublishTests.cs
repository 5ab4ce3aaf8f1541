namespace Cos.Generated.MSBuild.Tests;

[Collection(TaskPackageCollection.Name)]
public sealed class PublishTests(TaskPackageFixture fixture)
{
    private const string Bucket = "publish-1250000000";

    [Fact]
    public async Task CosUploadOnPublish_uploads_the_publish_folder_under_the_prefix_after_Publish()
    {
        var sample = fixture.CreateSample("publish", Bucket, """
              <PropertyGroup>
                <CosPublishKeyPrefix>app/1.0/</CosPublishKeyPrefix>
                <CosPublishExclude>**/*.pdb</CosPublishExclude>
              </PropertyGroup>
            """, outputType: "Exe");
        var publishDir = Path.Combine(sample.Directory, "out");

        var run = await sample.RunAsync(fixture.KeyEnvironment(), "publish", "-c", "Release", "-o", publishDir, "-p:CosUploadOnPublish=true");

        run.ExitCode.ShouldBe(0, run.ToString());
        var files = Directory.GetFiles(publishDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(publishDir, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();
        files.ShouldContain("publish.dll");
        files.ShouldContain("publish.pdb"); // published, and left out by CosPublishExclude
        var expected = files.Where(f => !f.EndsWith(".pdb", StringComparison.Ordinal)).Select(f => "app/1.0/" + f).Order(StringComparer.Ordinal).ToList();
        using var client = fixture.Client();
        var landed = new LandedObjects(client, Bucket);
        (await landed.KeysAsync()).Order(StringComparer.Ordinal).ShouldBe(expected);
        foreach (var key in expected)
        {
            (await landed.DownloadAsync(key)).ShouldBe(File.ReadAllBytes(Path.Combine(publishDir, key["app/1.0/".Length..])), $"object {key}");
        }

        run.Output.ShouldContain($"CosUpload: uploaded {expected.Count} files");
    }
}
