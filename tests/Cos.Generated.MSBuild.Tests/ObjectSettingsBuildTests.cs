namespace Cos.Generated.MSBuild.Tests;

/// <summary>
/// A build whose targets pass CosAcl, CosTags, CosServerSideEncryption, CosKmsKeyId and CosTrafficLimit to the task, with
/// items that override the ACL and add tags: the emulator stores every object with them (simple and multipart).
/// </summary>
[Collection(TaskPackageCollection.Name)]
public sealed class ObjectSettingsBuildTests(TaskPackageFixture fixture)
{
    private const string Bucket = "settings-1250000000";
    private const string AllUsers = "http://cam.qcloud.com/groups/global/AllUsers";

    [Fact]
    public async Task The_ACL_tags_encryption_and_traffic_limit_properties_reach_every_object()
    {
        var sample = fixture.CreateSample("settings", Bucket, """
              <PropertyGroup>
                <CosAcl>public-read</CosAcl>
                <CosTags>team=web;note=a b&amp;c</CosTags>
                <CosServerSideEncryption>cos/kms</CosServerSideEncryption>
                <CosKmsKeyId>kms-build-key</CosKmsKeyId>
                <CosTrafficLimit>838860800</CosTrafficLimit>
              </PropertyGroup>
              <ItemGroup>
                <CosUploadFile Include="public.txt" />
                <CosUploadFile Include="private.txt" Acl="private" Tags="team=ops;owner=alice" />
                <CosUploadFile Include="big.bin" />
              </ItemGroup>
            """);
        sample.Write("public.txt", "for everyone\n");
        sample.Write("private.txt", "for the owner\n");
        sample.Write("big.bin", SampleProject.RandomBytes((1024 * 1024) + 4096, seed: 3));
        var initiated = fixture.CountRequests(Bucket, "InitiateMultipartUpload").Single();

        var run = await sample.RunAsync(fixture.KeyEnvironment(), "build");

        run.ExitCode.ShouldBe(0, run.ToString());
        initiated.Fired.ShouldBe(1); // big.bin went in parts: InitiateMultipartUpload carried the settings
        using var client = fixture.Client();
        var expectedTags = new Dictionary<string, string>
        {
            ["public.txt"] = "note=a b&c;team=web",
            ["private.txt"] = "note=a b&c;owner=alice;team=ops",
            ["big.bin"] = "note=a b&c;team=web",
        };
        foreach (var (key, tags) in expectedTags)
        {
            var head = await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Bucket, Key = key });
            (head.ServerSideEncryption, head.SseKmsKeyId).ShouldBe((ServerSideEncryption.CosKms, "kms-build-key"), key);
            var tagSet = (await client.GetObjectTaggingAsync(new GetObjectTaggingRequest { Bucket = Bucket, Key = key })).TagSet;
            string.Join(";", tagSet.Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal)).ShouldBe(tags, key);
            var grants = (await client.GetObjectAclAsync(new GetObjectAclRequest { Bucket = Bucket, Key = key })).Grants;
            grants.Any(g => g.Grantee.URI == AllUsers).ShouldBe(key != "private.txt", key);
        }
    }
}
