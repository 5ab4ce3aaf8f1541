using Cos.Emulator;
using Cos.Generated;

namespace Cos.Cli.Tests;

/// <summary>One in-process emulator with a bucket for a test class, and the environment that points cos at it.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string Bucket = "cli-1250000000";

    public CosEmulator Emulator { get; private set; } = null!;

    public CosCli Cli { get; } = new();

    /// <summary>COS_ENDPOINT and the emulator's keys, as a user would export them.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["COS_ENDPOINT"] = Emulator.Endpoint.GetLeftPart(UriPartial.Authority),
        ["COS_SECRET_ID"] = Emulator.SecretId,
        ["COS_SECRET_KEY"] = Emulator.Options.SecretKey,
    };

    /// <summary>A client of the same emulator, to check what cos did independently of it.</summary>
    public CosClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(Bucket)] });
        Client = new CosClient(Emulator.CreateClientOptions());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }

    /// <summary>Runs cos with the emulator's environment (plus <paramref name="extra"/>) in <paramref name="directory"/>.</summary>
    public Task<CliResult> RunAsync(string directory, params string[] args) => Cli.RunAsync(Environment, directory, null, args);

    public Task<CliResult> RunAsync(string directory, IReadOnlyDictionary<string, string> extra, params string[] args) =>
        Cli.RunAsync(Environment.Concat(extra).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value), directory, null, args);

    public Task<CliResult> RunWithStdinAsync(string directory, byte[] stdin, params string[] args) => Cli.RunAsync(Environment, directory, stdin, args);

    /// <summary>Every key under <paramref name="prefix"/> with its bytes, read with the SDK.</summary>
    public async Task<Dictionary<string, byte[]>> ObjectsAsync(string prefix)
    {
        var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (var item in Client.EnumerateObjectsAsync(new GetBucketRequest { Bucket = Bucket, Prefix = prefix }))
        {
            await using var get = await Client.GetObjectAsync(new GetObjectRequest { Bucket = Bucket, Key = item.Key! });
            using var buffer = new MemoryStream();
            await get.Body.CopyToAsync(buffer);
            found[item.Key![prefix.Length..]] = buffer.ToArray();
        }

        return found;
    }
}
