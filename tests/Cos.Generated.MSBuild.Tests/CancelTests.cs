using Cos.Emulator.Faults;

namespace Cos.Generated.MSBuild.Tests;

[Collection(TaskPackageCollection.Name)]
public sealed class CancelTests(TaskPackageFixture fixture)
{
    private const string Bucket = "cancel-1250000000";

    [Fact]
    public async Task Ctrl_C_during_a_multipart_upload_stops_it_with_COS007_and_leaves_no_object_or_parts()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGINT is how the test presses Ctrl-C; Windows has no such signal to send to another console.
        }

        var sample = fixture.CreateSample("cancel", Bucket, """
              <PropertyGroup>
                <CosChunkParallelLimit>1</CosChunkParallelLimit>
              </PropertyGroup>
              <ItemGroup>
                <CosUploadFile Include="big.bin" />
              </ItemGroup>
            """);
        sample.Write("big.bin", SampleProject.RandomBytes(3 * 1024 * 1024, seed: 3));

        // Part 2 is held by the server until the client lets go of it.
        var held = fixture.Emulator.Faults.Add(new FaultRule { Bucket = Bucket, Operation = "UploadPart", PartNumber = 2, Latency = TimeSpan.FromMinutes(10) });
        var completes = fixture.CountRequests(Bucket, "CompleteMultipartUpload").Single();

        using var build = sample.Start(fixture.KeyEnvironment(), "build");
        while (held.Fired == 0)
        {
            if (build.OutputSoFar.Contains("Build FAILED", StringComparison.Ordinal) || build.OutputSoFar.Contains("Build succeeded", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The build ended before the server held part 2:\n" + build.OutputSoFar);
            }

            await Task.Delay(50);
        }

        build.Interrupt();
        var run = await build.WaitAsync();

        run.ExitCode.ShouldNotBe(0, run.ToString());
        run.Output.ShouldContain("error COS007: CosUpload was canceled after 0 of 1 files");
        completes.Fired.ShouldBe(0);
        using var client = fixture.Client();
        var landed = new LandedObjects(client, Bucket);
        (await landed.ExistsAsync("big.bin")).ShouldBeFalse();
        (await landed.UploadsAsync()).ShouldBeEmpty(); // aborted, not kept for a resume
    }
}
