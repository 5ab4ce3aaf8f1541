using Cos.Emulator;
using Cos.Generated;

namespace Cos.Conformance.Tests;

/// <summary>One in-process COS emulator per test class, with the conformance bucket created by our client.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string Region = "ap-guangzhou";
    public const string AppId = "1250000000";
    public const string Bucket = "conformance-" + AppId;

    private CosEmulator? _emulator;
    private CosClient? _client;

    public CosEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>Our client, pointed at the emulator.</summary>
    public CosClient Client => _client ?? throw new InvalidOperationException("The emulator has not started.");

    public async Task InitializeAsync()
    {
        _emulator = await CosEmulator.StartAsync(new CosEmulatorOptions());
        _client = new CosClient(Emulator.CreateClientOptions(Region));
        await Client.PutBucketAsync(new PutBucketRequest { Bucket = Bucket });
    }

    /// <summary>Options for our client against the emulator, with other keys (the address stays the emulator's).</summary>
    public CosClientOptions OptionsWithKeys(string secretId, string secretKey)
    {
        var options = Emulator.CreateClientOptions(Region);
        return new CosClientOptions
        {
            SecretId = secretId,
            SecretKey = secretKey,
            Region = options.Region,
            Protocol = options.Protocol,
            ConnectTo = options.ConnectTo,
            Domain = options.Domain,
            ServiceDomain = options.ServiceDomain,
            MaxRetries = 0,
        };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
