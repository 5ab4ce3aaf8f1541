using System.Text.RegularExpressions;
using Cos.Emulator.Faults;

namespace Cos.Generated.MSBuild.Tests;

[Collection(TaskPackageCollection.Name)]
public sealed class FailureTests(TaskPackageFixture fixture)
{
    private const string SingleFile = """
          <ItemGroup>
            <CosUploadFile Include="file.txt" />
          </ItemGroup>
        """;

    [Fact]
    public async Task A_refused_upload_fails_the_build_with_COS005_and_the_request_id_and_leaves_no_object_or_parts()
    {
        const string bucket = "failing-1250000000";
        var sample = fixture.CreateSample("failing", bucket, """
              <ItemGroup>
                <CosUploadFile Include="small.txt;big.bin;ok.txt" />
              </ItemGroup>
            """);
        sample.Write("small.txt", "refused\n");
        sample.Write("big.bin", SampleProject.RandomBytes((2 * 1024 * 1024) + 100, seed: 2));
        var ok = sample.Write("ok.txt", "fine\n");
        fixture.Emulator.Faults.Add(new FaultRule { Bucket = bucket, Operation = "PutObject", KeyPattern = "small.txt", Status = 403, ErrorCode = "AccessDenied", ErrorMessage = "Access Denied." });
        fixture.Emulator.Faults.Add(new FaultRule { Bucket = bucket, Operation = "UploadPart", KeyPattern = "big.bin", PartNumber = 2, Status = 403, ErrorCode = "AccessDenied", ErrorMessage = "Access Denied." });
        var (completes, aborts) = fixture.CountRequests(bucket, "CompleteMultipartUpload", "AbortMultipartUpload") is [var c, var a] ? (c, a) : throw new InvalidOperationException();

        var run = await sample.RunAsync(fixture.KeyEnvironment(), "build");

        run.ExitCode.ShouldNotBe(0, run.ToString());
        foreach (var key in new[] { "small.txt", "big.bin" })
        {
            Regex.IsMatch(run.Output, $@"error COS005: Upload of \S*{Regex.Escape(key)} to cos://{bucket}/{Regex.Escape(key)} failed: COS returned 403 AccessDenied: Access Denied\. \(request id [A-Za-z0-9+/=_-]+\)")
                .ShouldBeTrue($"no COS005 error with a request id for {key}:\n{run.Output}");
        }

        using var client = fixture.Client();
        var landed = new LandedObjects(client, bucket);
        (await landed.ExistsAsync("small.txt")).ShouldBeFalse();
        (await landed.ExistsAsync("big.bin")).ShouldBeFalse();
        completes.Fired.ShouldBe(0);
        aborts.Fired.ShouldBe(1);
        (await landed.UploadsAsync()).ShouldBeEmpty(); // the failed multipart upload was aborted, no parts left
        (await landed.DownloadAsync("ok.txt")).ShouldBe(ok); // one file's failure does not stop the others
        run.Output.ShouldContain("CosUpload: uploaded 1 file (5 B), skipped 0 unchanged, 2 failed");
    }

    [Fact]
    public async Task Without_credentials_the_build_fails_with_one_COS001_error_that_names_the_variables()
    {
        const string bucket = "creds-1250000000";
        var sample = fixture.CreateSample("creds", bucket, SingleFile);
        sample.Write("file.txt", "x");
        var heads = fixture.CountRequests(bucket, "HeadObject", "PutObject");

        var run = await sample.RunAsync(new Dictionary<string, string?>(), "build");

        run.ExitCode.ShouldNotBe(0, run.ToString());
        ErrorCodes(run.Output).ShouldBe(["COS001"]);
        run.Output.ShouldContain("No COS credentials: the environment variable COS_SECRET_ID and COS_SECRET_KEY are not set");
        heads.ShouldAllBe(rule => rule.Fired == 0);
    }

    /// <summary>
    /// MSBuildRuntimeType is reserved (a -p: cannot set it), so the targets read a copy that a global property can
    /// replace; this proves the check and its single error. Real .NET Framework MSBuild is not on this machine.
    /// </summary>
    [Fact]
    public async Task Posing_as_NET_Framework_MSBuild_the_targets_fail_with_one_COS010_error_before_the_task_runs()
    {
        const string bucket = "framework-1250000000";
        var sample = fixture.CreateSample("framework", bucket, SingleFile);
        sample.Write("file.txt", "x");
        var requests = fixture.CountRequests(bucket, "HeadObject", "PutObject");

        var run = await sample.RunAsync(fixture.KeyEnvironment(), "build", "-p:_CosMSBuildRuntimeType=Full");

        run.ExitCode.ShouldNotBe(0, run.ToString());
        ErrorCodes(run.Output).ShouldBe(["COS010"]);
        run.Output.ShouldContain("needs MSBuild on .NET: run 'dotnet build' or 'dotnet publish'");
        requests.ShouldAllBe(rule => rule.Fired == 0);
    }

    /// <summary>The distinct error codes in a build's output (MSBuild prints each error twice: as it happens and in the summary).</summary>
    private static string[] ErrorCodes(string output) =>
        [.. Regex.Matches(output, @"error (\w+\d+):").Select(m => m.Groups[1].Value).Distinct()];
}
