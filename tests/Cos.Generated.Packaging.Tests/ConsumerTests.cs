using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Cos.Generated.Packaging.Tests;

/// <summary>Fresh projects outside the repository restore the packages from the feed, build and talk to the packaged emulator.</summary>
[Collection(PackagesCollection.Name)]
public sealed partial class ConsumerTests(PackagesFixture packages)
{
    /// <summary>What Consumers/ConsoleApp prints when every call worked (its objects: a.txt "alpha", b.txt "bravo!").</summary>
    private static readonly string[] ConsoleAppOutput =
    [
        "read: bravo!",
        "listed: docs/a.txt=5,docs/b.txt=6",
        "missing: 404",
        "hosted: alpha MaxRetries=2",
    ];

    [Fact]
    public async Task A_console_app_on_the_packages_runs_under_the_JIT()
    {
        var app = packages.CreateConsumer("ConsoleApp", "console-jit");

        var run = (await DotnetCli.DotnetAsync(app, DotnetCli.BuildTimeout, "run", "-c", "Release")).ShouldSucceed();

        run.OutputLines.TakeLast(ConsoleAppOutput.Length).ShouldBe(ConsoleAppOutput, run.Describe());
    }

    [Fact]
    public async Task A_console_app_on_the_packages_publishes_as_NativeAOT_without_trim_or_AOT_warnings_and_runs()
    {
        var app = packages.CreateConsumer("ConsoleApp", "console-aot");
        var output = Path.Combine(app, "native");

        var publish = (await DotnetCli.DotnetAsync(app, DotnetCli.PublishTimeout, "publish", "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-p:PublishAot=true", "-o", output, "-nodeReuse:false")).ShouldSucceed();

        publish.Output.Split('\n').Where(line => TrimOrAotWarning().IsMatch(line)).ShouldBeEmpty(publish.Describe());
        var binary = Path.Combine(output, "ConsoleApp");
        File.Exists(binary).ShouldBeTrue(publish.Describe());
        File.Exists(Path.Combine(output, "ConsoleApp.dll")).ShouldBeFalse("a NativeAOT publish has no IL app dll");

        var run = (await DotnetCli.RunAsync(binary, app, DotnetCli.BuildTimeout)).ShouldSucceed();

        run.OutputLines.ShouldBe(ConsoleAppOutput, run.Describe());
    }

    [Fact]
    public async Task The_cos_tool_installs_from_the_feed_with_dotnet_tool_install_and_runs()
    {
        var tools = Path.Combine(packages.Root, "tools");

        (await DotnetCli.DotnetAsync(packages.Root, DotnetCli.BuildTimeout, "tool", "install", "Cos.Generated.Cli", "--version", packages.Version, "--tool-path", tools)).ShouldSucceed();

        var cos = Path.Combine(tools, OperatingSystem.IsWindows() ? "cos.exe" : "cos");
        var help = (await DotnetCli.RunAsync(cos, packages.Root, DotnetCli.BuildTimeout, "--help")).ShouldSucceed();
        help.StandardOutput.ShouldContain("sync <source> <destination>");
        var usage = await DotnetCli.RunAsync(cos, packages.Root, DotnetCli.BuildTimeout, "cp", "only-one-argument");
        usage.ExitCode.ShouldBe(2, usage.Describe());
    }

    [Fact]
    public async Task Operations_generated_from_a_projects_own_spec_call_the_emulator()
    {
        var app = packages.CreateConsumer("OwnSpecApp");

        var run = (await DotnetCli.DotnetAsync(app, DotnetCli.BuildTimeout, "run", "-c", "Release")).ShouldSucceed();

        // acme.api.json: ListKeys (GET / with a prefix) and StatObject (HEAD with metadata); Program.cs wrote
        // reports/q1.csv (4 bytes), reports/q2.csv (6 bytes, owner=finance) and notes.txt.
        string[] expected =
        [
            "bucket: acme-1250000000",
            "keys: reports/q1.csv=4,reports/q2.csv=6",
            "stat: length=6 owner=finance",
            "missing: 404",
        ];
        run.OutputLines.TakeLast(expected.Length).ShouldBe(expected, run.Describe());
    }

    [GeneratedRegex(@"(warning|error) IL[23]\d{3}")]
    private static partial Regex TrimOrAotWarning();
}
