namespace Cos.Generated.MSBuild.Tests;

[Collection(TaskPackageCollection.Name)]
public sealed class DryRunTests(TaskPackageFixture fixture)
{
    private const string Bucket = "dryrun-1250000000";

    [Fact]
    public async Task DryRun_lists_what_would_be_uploaded_or_skipped_and_sends_nothing()
    {
        var sample = fixture.CreateSample("dryrun", Bucket, """
              <ItemGroup>
                <CosUploadFile Include="files/*.txt" />
              </ItemGroup>
              <Target Name="RecordOutputs" AfterTargets="CosUploadFiles">
                <WriteLinesToFile File="outputs.txt" Overwrite="true" Lines="@(CosUploadedItems->'uploaded|%(Key)');@(CosSkippedItems->'skipped|%(Key)|%(Reason)')" />
              </Target>
            """);
        var same = sample.Write("files/same.txt", "already there\n");
        sample.Write("files/new.txt", "not there yet\n");
        using var client = fixture.Client();
        await client.PutObjectAsync(new PutObjectRequest { Bucket = Bucket, Key = "same.txt", Body = new MemoryStream(same) });
        var sends = fixture.CountRequests(Bucket, "PutObject", "InitiateMultipartUpload", "UploadPart");

        var run = await sample.RunAsync(fixture.KeyEnvironment(), "build", "-p:CosDryRun=true", "-v:n");

        run.ExitCode.ShouldBe(0, run.ToString());
        sends.ShouldAllBe(rule => rule.Fired == 0);
        run.Output.ShouldContain($"Would upload {sample.PathOf("files/new.txt")} to cos://{Bucket}/new.txt (14 B, new)");
        run.Output.ShouldContain($"Would skip {sample.PathOf("files/same.txt")}: cos://{Bucket}/same.txt already has the same content");
        run.Output.ShouldContain($"CosUpload (dry run): would upload 1 file (14 B) and skip 1 unchanged to cos://{Bucket}; nothing was uploaded");
        (await new LandedObjects(client, Bucket).ExistsAsync("new.txt")).ShouldBeFalse();
        sample.ReadLines("outputs.txt").Order(StringComparer.Ordinal).ShouldBe(["skipped|new.txt|DryRun", "skipped|same.txt|Unchanged"]);
    }
}
