using Cos.Tests.Shared;

namespace Cos.Conformance.Tests;

/// <summary>Runs <c>node tests/conformance/node/scenarios.js &lt;name&gt;</c> as a child process.</summary>
public static class NodeScenarioRunner
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string ScenarioDirectory => Path.Combine(NodeProcess.RepoRoot, "tests", "conformance", "node");

    /// <summary>Fails (not skips) when node or the npm packages are missing.</summary>
    public static void EnsureInstalled()
    {
        var script = Path.Combine(ScenarioDirectory, "scenarios.js");
        File.Exists(script).ShouldBeTrue($"{script} is missing.");
        var sdk = Path.Combine(ScenarioDirectory, "node_modules", "cos-nodejs-sdk-v5", "package.json");
        File.Exists(sdk).ShouldBeTrue($"The Node SDK is not installed ({sdk} is missing): run npm ci in tests/conformance/node.");
    }

    public static Task<NodeRunResult> RunAsync(string scenario, IReadOnlyDictionary<string, string> environment)
    {
        EnsureInstalled();
        return NodeProcess.RunAsync(ScenarioDirectory, ["scenarios.js", scenario], environment, Timeout);
    }
}
