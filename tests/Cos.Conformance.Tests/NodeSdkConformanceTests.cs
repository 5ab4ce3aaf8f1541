using System.Text.Json;

namespace Cos.Conformance.Tests;

/// <summary>
/// The official Node SDK (cos-nodejs-sdk-v5, pinned in tests/conformance/node) against the emulator:
/// one child process per scenario. Needs <c>npm ci</c> in tests/conformance/node first.
/// </summary>
public sealed class NodeSdkConformanceTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [MemberData(nameof(Scenarios.All), MemberType = typeof(Scenarios))]
    public async Task Node_SDK(string scenario)
    {
        var result = await NodeScenarioRunner.RunAsync(scenario, new Dictionary<string, string>
        {
            ["COS_ENDPOINT"] = fixture.Emulator.Endpoint.GetLeftPart(UriPartial.Authority),
            ["COS_BUCKET"] = EmulatorFixture.Bucket,
            ["COS_REGION"] = EmulatorFixture.Region,
            ["COS_SECRET_ID"] = fixture.Emulator.SecretId,
            ["COS_SECRET_KEY"] = fixture.Emulator.SecretKey,
            ["COS_KEY_PREFIX"] = $"node/{scenario}",
        });

        result.TimedOut.ShouldBeFalse(result.ToString());
        result.ExitCode.ShouldBe(0, result.ToString());
        var line = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        line.ShouldNotBeNull(result.ToString());
        using var json = JsonDocument.Parse(line);
        json.RootElement.GetProperty("ok").GetBoolean().ShouldBeTrue(result.ToString());
        json.RootElement.GetProperty("scenario").GetString().ShouldBe(scenario);
        result.StdOut.ShouldNotContain(fixture.Emulator.SecretKey, Case.Sensitive, "the secret key must never be printed");
    }
}

/// <summary>Checks, without an emulator, that scenarios.js and <see cref="Scenarios"/> name the same scenarios.</summary>
public sealed class NodeScenarioListTests
{
    [Fact]
    public async Task The_script_and_this_suite_list_the_same_scenarios()
    {
        var result = await NodeScenarioRunner.RunAsync("--list", new Dictionary<string, string>());

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldBe(Scenarios.Names);
    }
}
