using Cos.Chaos.Tests.Plans;
using Cos.Emulator;
using Cos.Generated;

namespace Cos.Chaos.Tests.Running;

/// <summary>
/// One run's world: a fresh emulator (so nothing of an earlier run, not even a jumped clock or a held connection,
/// leaks into it), the client under test, a plain client to set up with, a directory of its own, the data, and
/// what the checks found.
/// </summary>
internal sealed class ChaosContext : IAsyncDisposable
{
    public const string Bucket = "chaosbucket-1250000000";

    private readonly IDisposable? _sts;

    private ChaosContext(ChaosPlan plan, CosEmulator emulator, CosClient client, IDisposable? sts, string directory)
    {
        Plan = plan;
        Emulator = emulator;
        Client = client;
        _sts = sts;
        Directory = directory;
        Data = plan.CreateData();
        Setup = new CosClient(emulator.CreateClientOptions() with { Timeout = TimeSpan.FromSeconds(30), StallTimeout = TimeSpan.FromSeconds(10) });
    }

    public ChaosPlan Plan { get; }

    public CosEmulator Emulator { get; }

    /// <summary>The client under test, with the plan's options.</summary>
    public CosClient Client { get; }

    /// <summary>A client with the permanent key and lenient limits, for setting up before the faults are armed and resuming after.</summary>
    public CosClient Setup { get; }

    /// <summary>The run's own directory (files, download destinations, checkpoints); deleted afterwards.</summary>
    public string Directory { get; }

    /// <summary>The object's bytes (<see cref="ChaosPlan.CreateData"/>).</summary>
    public byte[] Data { get; }

    /// <summary>What the checks found wrong; empty when every invariant held.</summary>
    public List<(ViolationKind Kind, string What)> Violations { get; } = [];

    /// <summary>Bytes that differ from what they should be, in objects, files or bodies a call reported as good.</summary>
    public long BytesCorrupted { get; set; }

    /// <summary>Multipart uploads left on the server though the call was told to abort them.</summary>
    public int Orphans { get; set; }

    /// <summary>Faults the scenario carried out itself (the kill), on top of the emulator's rules.</summary>
    public int ScenarioFaultsFired { get; set; }

    public static async Task<ChaosContext> StartAsync(ChaosPlan plan)
    {
        var emulator = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Bucket)], RequestLogCapacity = 100_000 });
        var directory = Path.Combine(Path.GetTempPath(), "cos-chaos", $"seed-{plan.Seed}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var (provider, sts) = plan.Client.Credentials == CredentialMode.Temporary ? StsCredentialProvider.Create(emulator) : (null, null);
        var client = new CosClient(plan.Client.ToOptions(emulator, provider));
        return new ChaosContext(plan, emulator, client, sts, directory);
    }

    public void Violation(ViolationKind kind, string what) => Violations.Add((kind, what));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Setup.Dispose();
        _sts?.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A call abandoned by the watchdog may still hold a file open; the temp directory is left to the OS.
        }
    }
}
