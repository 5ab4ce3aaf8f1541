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
    [InlineData("PresignExpirySeconds", "600")] // without PresignedUrlsFile, the only place presigned URLs go
    [InlineData("PresignedUrlsFile", "urls.json")] // without PresignExpirySeconds
    [InlineData("Include", "**/*.txt")]
    [InlineData("Metadata", "no-equals-sign")]
    [InlineData("Acl", "public-read-write")] // a bucket's canned ACL, not an object's
    [InlineData("Tags", "no-equals-sign")]
    [InlineData("Tags", "k1=v;k2=v;k3=v;k4=v;k5=v;k6=v;k7=v;k8=v;k9=v;k10=v;k11=v")]
    [InlineData("ServerSideEncryption", "SSE-C")]
    [InlineData("ServerSideEncryption", "AES128")]
    [InlineData("KmsKeyId", "kms-1")] // without ServerSideEncryption cos/kms
    [InlineData("TrafficLimit", "819199")]
    [InlineData("TrafficLimit", "838860801")]
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
                case "PresignedUrlsFile": t.PresignedUrlsFile = value; break;
                case "Include": t.Include = value; break;
                case "Metadata": t.Metadata = [value]; break;
                case "Acl": t.Acl = value; break;
                case "Tags": t.Tags = value.Split(';'); break;
                case "ServerSideEncryption": t.ServerSideEncryption = value; break;
                case "KmsKeyId": t.KmsKeyId = value; break;
                case "TrafficLimit": t.TrafficLimit = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
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

        task.Execute().ShouldBeTrue(string.Join("\n", _engine.Errors.Select(e => e.Message)));

        _engine.Errors.ShouldBeEmpty(); // no COS001: the parameters' key was taken
        _engine.Warnings.Select(w => w.Code).ShouldBe(["COS101"]);
        _engine.Messages.ShouldContain(m => m.Message!.Contains("which MSBuild records in binlogs", StringComparison.Ordinal) && m.Importance == MessageImportance.Normal);
        _engine.Messages.Select(m => m.Message).Concat(_engine.Warnings.Select(w => w.Message)).ShouldAllBe(text => !text!.Contains("parameter-secret-key"));
    }

    [Fact]
    public void With_nothing_to_upload_the_presigned_URL_file_is_replaced_by_an_empty_list_that_only_its_owner_can_read()
    {
        var urls = Path.Combine(Path.GetTempPath(), "cos-task-urls-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(urls, "[{\"key\": \"from the last build\"}]");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(urls, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        try
        {
            var task = Task(t => (t.Files, t.PresignExpirySeconds, t.PresignedUrlsFile) = ([], 600, urls));

            task.Execute().ShouldBeTrue(string.Join("\n", _engine.Errors.Select(e => e.Message)));

            System.Text.Json.JsonDocument.Parse(File.ReadAllText(urls)).RootElement.GetArrayLength().ShouldBe(0);
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(urls).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        finally
        {
            File.Delete(urls);
        }
    }

    [Fact]
    public void A_presigned_URL_file_that_cannot_be_written_is_a_COS008_error()
    {
        var directory = Directory.CreateTempSubdirectory("cos-task-urls-").FullName;
        try
        {
            var task = Task(t => (t.Files, t.PresignExpirySeconds, t.PresignedUrlsFile) = ([], 600, directory)); // a directory is no file

            task.Execute().ShouldBeFalse();

            _engine.Errors.Select(e => e.Code).ShouldBe(["COS008"]);
            _engine.Errors[0].Message.ShouldStartWith($"CosUpload: could not write the presigned URLs to {directory}: ");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
