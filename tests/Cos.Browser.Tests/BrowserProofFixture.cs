using System.Globalization;
using System.Text.Json;
using Cos.Tests.Shared;

namespace Cos.Browser.Tests;

/// <summary>
/// Runs the page once for all three modes (one Chromium, a fresh page per mode) and keeps the environment for the
/// tests' own checks. Started by the first test that asks, so a skipped class starts nothing.
/// </summary>
public sealed class BrowserProofFixture : IAsyncLifetime
{
    public static readonly string[] Modes = ["format1-scope", "format1", "format2"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ProofEnvironment? _environment;
    private NodeRunResult? _run;

    public async Task<(ProofEnvironment Environment, NodeRunResult Run)> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_environment is null || _run is null)
            {
                var chromium = Chromium.Path;
                chromium.ShouldNotBeNull($"Chromium is required in CI (CI=true) but {Chromium.Describe()}: .ci/run installs it with apt-get install chromium.");
                var pagePort = ProofEnvironment.FreePort();
                _environment = await ProofEnvironment.StartAsync($"http://127.0.0.1:{pagePort}");
                _run = await BrowserDriver.RunAsync(
                [
                    "--backend", _environment.BackendUrl.GetLeftPart(UriPartial.Authority),
                    "--cos-port", _environment.Cos.Port.ToString(CultureInfo.InvariantCulture),
                    "--bucket", ProofEnvironment.Bucket,
                    "--region", ProofEnvironment.Region,
                    "--prefix", ProofEnvironment.KeyPrefix,
                    "--page-port", pagePort.ToString(CultureInfo.InvariantCulture),
                    "--modes", string.Join(",", Modes),
                ],
                chromium);
            }

            return (_environment, _run);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The page's result for one mode; fails with everything node and the browser printed.</summary>
    public static JsonElement ResultOf(NodeRunResult run, string mode)
    {
        run.TimedOut.ShouldBeFalse(run.ToString());
        run.ExitCode.ShouldBe(0, run.ToString());
        var json = BrowserDriver.JsonOf(run);
        json.ShouldNotBeNull($"run.mjs printed no RESULT line.\n{run}");
        return json.Value.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("mode").GetString() == mode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_environment is not null)
        {
            await _environment.DisposeAsync();
        }

        _gate.Dispose();
    }
}
