using System.Collections.Concurrent;
using Cos.Emulator;
using Cos.Generated.Backend.Policy;
using Cos.Generated.Backend.Sts;
using Cos.Generated.Credentials;
using static Cos.Generated.Backend.Tests.Emulators;

namespace Cos.Generated.Backend.Tests;

/// <summary>
/// A client whose every key is minted by the emulator's STS for the entries of its request's scope that a grant keeps
/// (all of them by default), as a ScopeLimit backend does; the scopes it was asked for are recorded.
/// </summary>
public sealed class ScopeLimitedClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly CosStsClient _sts;

    public ScopeLimitedClient(CosEmulator cos, ManualClock clock, Func<CosCredentialScope, CosCredentialScope, bool>? grant = null)
    {
        _http = Raw(cos);
        _sts = StsClient(cos, _http, clock);
        var provider = new TemporaryCredentialProvider(async (scope, cancellationToken) =>
        {
            Scopes.Enqueue(scope);
            var policy = CosPolicy.CreateBuilder();
            foreach (var entry in scope.ToEntries().Where(entry => grant?.Invoke(scope, entry) ?? true))
            {
                policy.Allow([entry.Action], [CosPolicyResources.Object(entry.Region, entry.Bucket, entry.Prefix)]);
            }

            var key = await _sts.GetFederationTokenAsync(new CosFederationTokenRequest { Policy = policy.Build() }, cancellationToken);
            return key.ToCosCredentials();
        }, scopeLimit: true, timeProvider: clock);
        Client = new CosClient(cos.CreateClientOptions(Region) with
        {
            SecretId = null,
            SecretKey = null,
            CredentialProvider = provider,
            TimeProvider = clock,
            MaxRetries = 0,
        });
    }

    public CosClient Client { get; }

    /// <summary>The scopes keys were minted for, in order.</summary>
    public ConcurrentQueue<CosCredentialScope> Scopes { get; } = new();

    public void Dispose()
    {
        Client.Dispose();
        _sts.Dispose();
        _http.Dispose();
    }
}
