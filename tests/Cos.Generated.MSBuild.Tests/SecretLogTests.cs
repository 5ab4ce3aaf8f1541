using System.Globalization;
using System.Text.RegularExpressions;
using Cos.Generated.Integrity;

namespace Cos.Generated.MSBuild.Tests;

/// <summary>
/// A build with a temporary key and presigned URLs, logged as fully as MSBuild can (<c>-bl</c> and <c>-v:diag</c>,
/// which log every task parameter and output item with its metadata): neither log may hold the secret key, the
/// security token or a signature, and the URLs still reach the user through the file they named.
/// </summary>
[Collection(TaskPackageCollection.Name)]
public sealed class SecretLogTests(TaskPackageFixture fixture)
{
    private const string Bucket = "secrets-1250000000";

    private const string Body = """
          <PropertyGroup>
            <CosPresignExpirySeconds>600</CosPresignExpirySeconds>
            <CosPresignedUrlsFile>$(MSBuildProjectDirectory)/presigned-urls.json</CosPresignedUrlsFile>
          </PropertyGroup>
          <ItemGroup>
            <CosUploadFile Include="readme.txt" />
            <CosUploadFile Include="site/**" />
          </ItemGroup>
          <Target Name="ShowUploads" AfterTargets="CosUploadFiles">
            <Message Importance="high" Text="%(CosUploadedItems.Key) -> %(CosUploadedItems.Url)" />
          </Target>
        """;

    [Fact]
    public async Task With_a_temporary_key_and_presigned_URLs_the_binlog_and_a_diag_log_hold_no_key_token_or_signature()
    {
        var sample = fixture.CreateSample("secrets", Bucket, Body);
        var local = new Dictionary<string, (string File, byte[] Bytes)>
        {
            ["readme.txt"] = ("readme.txt", sample.Write("readme.txt", "Read me.\n")),
            ["index.html"] = ("site/index.html", sample.Write("site/index.html", "<!doctype html><p>hi</p>\n")),
        };
        var binlog = Path.Combine(sample.Directory, "secrets.binlog");
        var diagLog = Path.Combine(sample.Directory, "diag.log");
        var temporary = fixture.TemporaryKey;

        var run = await sample.RunAsync(fixture.TemporaryKeyEnvironment(), "build", "-bl:" + binlog, "-v:diag");

        run.ExitCode.ShouldBe(0, run.Output[Math.Max(0, run.Output.Length - 8000)..]); // the end of a diag log says why
        run.Output.ShouldContain("CosUpload: uploaded 2 files");

        // The console at diagnostic verbosity, kept as a CI job keeps its build output, and searched as stored.
        File.WriteAllText(diagLog, run.Output);
        var diag = File.ReadAllText(diagLog);
        var binary = BinlogSearch.Decompress(binlog);

        // The searches find what the logs do hold: the output items' metadata (the CRC-64 is only there) and the plain URL.
        var readmeCrc = CosCrc64.Compute(local["readme.txt"].Bytes).ToString(CultureInfo.InvariantCulture);
        var plainUrl = $"http://{Bucket}.cos.{TaskPackageFixture.Region}.myqcloud.com/readme.txt";
        foreach (var (name, holds) in new (string, Func<string, bool>)[] { ("binlog", t => BinlogSearch.Contains(binary, t)), ("diag log", t => diag.Contains(t, StringComparison.Ordinal)) })
        {
            holds(readmeCrc).ShouldBeTrue($"the {name} has no output item metadata: the search would prove nothing");
            holds(plainUrl).ShouldBeTrue($"the {name} lacks the plain URL: the search would prove nothing");
            holds(temporary.TmpSecretKey).ShouldBeFalse($"the {name} holds the SecretKey");
            holds(temporary.SecurityToken).ShouldBeFalse($"the {name} holds the security token");
            holds("q-signature=").ShouldBeFalse($"the {name} holds a presigned URL's signature");
            holds("x-cos-security-token=").ShouldBeFalse($"the {name} holds a presigned URL's token parameter");
        }

        // The URLs are in the file the project named, and each one works.
        var urlsFile = sample.PathOf("presigned-urls.json");
        File.Exists(urlsFile).ShouldBeTrue($"no {urlsFile}");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(urlsFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, "the file holds the token: only its owner may read it");
        }

        var entries = PresignedUrlsFile.Read(urlsFile);
        entries.Keys.Order(StringComparer.Ordinal).ShouldBe(local.Keys.Order(StringComparer.Ordinal));
        using var http = fixture.RawHttp();
        foreach (var (key, (file, bytes)) in local)
        {
            var entry = entries[key];
            entry.File.ShouldBe(sample.PathOf(file));
            entry.Url.ShouldStartWith($"http://{Bucket}.cos.{TaskPackageFixture.Region}.myqcloud.com/{key}?");
            entry.Url.ShouldContain("x-cos-security-token=" + temporary.SecurityToken);
            (entry.Expires - DateTimeOffset.UtcNow).ShouldBeInRange(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10));
            (await http.GetByteArrayAsync(entry.Url)).ShouldBe(bytes, $"presigned GET of {key}");

            var signature = Regex.Match(entry.Url, "q-signature=([0-9a-f]+)").Groups[1].Value;
            signature.Length.ShouldBe(40); // HMAC-SHA1, hex
            BinlogSearch.Contains(binary, signature).ShouldBeFalse($"the binlog holds the signature of {key}");
            diag.ShouldNotContain(signature);
        }
    }
}
