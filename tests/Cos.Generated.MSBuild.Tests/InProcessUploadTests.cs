using Cos.Emulator.Faults;
using Cos.Generated.MSBuild.Tests.Unit;
using Microsoft.Build.Utilities;
using Task = System.Threading.Tasks.Task;

namespace Cos.Generated.MSBuild.Tests;

/// <summary>The task run in process against the emulator, for paths that need no child build.</summary>
[Collection(TaskPackageCollection.Name)]
public sealed class InProcessUploadTests(TaskPackageFixture fixture) : IDisposable
{
    private const string Bucket = "inprocess-1250000000";
    private readonly string _file = Path.Combine(Path.GetTempPath(), "cos-inprocess-" + Guid.NewGuid().ToString("N") + ".txt");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task When_HEAD_is_denied_the_file_is_uploaded_with_a_COS103_warning()
    {
        File.WriteAllText(_file, "write-only key\n");
        var denied = fixture.Emulator.Faults.Add(new FaultRule { Bucket = Bucket, Operation = "HeadObject", Status = 403, ErrorCode = "AccessDenied" });
        var engine = new RecordingBuildEngine();
        var task = new CosUpload
        {
            BuildEngine = engine,
            Bucket = Bucket,
            Region = TaskPackageFixture.Region,
            Protocol = "http",
            ConnectTo = $"127.0.0.1:{fixture.Emulator.Port}",
            SecretId = fixture.SecretId,
            SecretKey = fixture.SecretKey,
            Files = [new TaskItem(_file, new Dictionary<string, string> { ["Key"] = "write-only.txt" })],
        };

        var succeeded = task.Execute();
        fixture.Emulator.Faults.Remove(denied);

        succeeded.ShouldBeTrue(string.Join("\n", engine.Errors.Select(e => e.Message)));
        denied.Fired.ShouldBe(1);
        engine.Warnings.Select(w => w.Code).ShouldBe(["COS103"]);
        engine.Warnings[0].Message!.ShouldContain("Could not check cos://inprocess-1250000000/write-only.txt before uploading");
        task.UploadedItems.Select(i => i.GetMetadata("Key")).ShouldBe(["write-only.txt"]);
        using var client = fixture.Client();
        (await new LandedObjects(client, Bucket).DownloadAsync("write-only.txt")).ShouldBe(File.ReadAllBytes(_file));
    }
}
