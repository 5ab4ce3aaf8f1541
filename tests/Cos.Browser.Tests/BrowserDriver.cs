using System.Text.Json;
using Cos.Tests.Shared;

namespace Cos.Browser.Tests;

/// <summary>Runs <c>node tests/browser/run.mjs</c> (playwright-core driving headless Chromium) and reads its RESULT line.</summary>
public static class BrowserDriver
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static string ProofDirectory => System.IO.Path.Combine(NodeProcess.RepoRoot, "tests", "browser");

    /// <summary>Fails (not skips) when the page or the npm packages are missing.</summary>
    public static void EnsureInstalled()
    {
        var script = System.IO.Path.Combine(ProofDirectory, "run.mjs");
        File.Exists(script).ShouldBeTrue($"{script} is missing.");
        foreach (var package in new[] { "cos-js-sdk-v5", "playwright-core" })
        {
            var manifest = System.IO.Path.Combine(ProofDirectory, "node_modules", package, "package.json");
            File.Exists(manifest).ShouldBeTrue($"{package} is not installed ({manifest} is missing): run npm ci in tests/browser.");
        }
    }

    public static Task<NodeRunResult> RunAsync(IReadOnlyList<string> arguments, string chromiumPath)
    {
        EnsureInstalled();
        return NodeProcess.RunAsync(ProofDirectory, ["run.mjs", .. arguments], new Dictionary<string, string> { ["COS_CHROMIUM_PATH"] = chromiumPath }, Timeout);
    }

    /// <summary>The JSON after <c>RESULT </c>, or null when the driver printed none.</summary>
    public static JsonElement? JsonOf(NodeRunResult run) =>
        run.StdOut.Split('\n').FirstOrDefault(line => line.StartsWith("RESULT ", StringComparison.Ordinal)) is { } line
            ? JsonDocument.Parse(line["RESULT ".Length..]).RootElement.Clone()
            : null;
}
