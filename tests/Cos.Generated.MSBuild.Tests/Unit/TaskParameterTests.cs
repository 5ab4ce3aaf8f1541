using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Cos.Generated.MSBuild.Tests.Unit;

/// <summary>Parameter checks that fail before anything is sent, run in process (no server is contacted).</summary>
public sealed class TaskParameterTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "cos-task-param-" + Guid.NewGuid().ToString("N") + ".txt");
    private readonly RecordingBuildEngine _engine = new();

    public TaskParameterTests() => File.WriteAllText(_file, "x");

    public void Dispose() => File.Delete(_file);

    private CosUpload Task(Action<CosUpload>? configure = null)
    {
        var task = new CosUpload
        {
            BuildEngine = _engine,
            Bucket = "examplebucket-1250000000",
            Region = "ap-guangzhou",
            SecretId = "AKIDTEST",
            SecretKey = "parameter-secret-key",
            Files = [new TaskItem(_file)],
            ConnectTo = "127.0.0.1:9", // never reached: every case here stops before a request
        };
        configure?.Invoke(task);
        return task;
    }

    [Theory]
    [InlineData("Bucket", "Not_A_Bucket")]
    [InlineData("Region", "")]
    [InlineData("Protocol", "ftp")]
    [InlineData("FileParallelLimit", "0")]
    [InlineData("PresignExpirySeconds", "-1")]
    [InlineData("Include", "**/*.txt")]
    [InlineData("Metadata", "no-equals-sign")]
    public void An_invalid_parameter_fails_with_COS002_before_any_request(string parameter, string value)
    {
        var task = Task(t =>
        {
            switch (parameter)
            {
                case "Bucket": t.Bucket = value; break;
                case "Region": t.Region = value; break;
                case "Protocol": t.Protocol = value; break;
                case "FileParallelLimit": t.FileParallelLimit = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "PresignExpirySeconds": t.PresignExpirySeconds = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "Include": t.Include = value; break;
                case "Metadata": t.Metadata = [value]; break;
            }
        });

        task.Execute().ShouldBeFalse();

        _engine.Errors.Select(e => e.Code).ShouldBe(["COS002"], string.Join("\n", _engine.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void Nothing_to_upload_is_a_COS101_warning_not_a_failure()
    {
        var task = Task(t => t.Files = []);

        task.Execute().ShouldBeTrue();

        _engine.Warnings.Select(w => w.Code).ShouldBe(["COS101"]);
        task.UploadedItems.ShouldBeEmpty();
    }

    [Fact]
    public void A_key_from_parameters_is_used_with_a_note_that_binlogs_record_it_and_is_never_logged()
    {
        var task = Task(t => t.Files = []);

        task.Execute();

        _engine.Messages.ShouldContain(m => m.Message!.Contains("which MSBuild records in binlogs", StringComparison.Ordinal) && m.Importance == MessageImportance.Normal);
        _engine.Messages.Select(m => m.Message).Concat(_engine.Warnings.Select(w => w.Message)).ShouldAllBe(text => !text!.Contains("parameter-secret-key"));
    }
}
