using Cos.Emulator;
using Cos.Generated.Backend.Policy;
using Cos.Generated.Backend.Sts;
using Cos.Generated.Credentials;

namespace Cos.Chaos.Tests.Running;

/// <summary>
/// Temporary keys as an application gets them: a <see cref="TemporaryCredentialProvider"/> whose fetch asks the
/// emulator's STS (GetFederationToken, TC3-signed with the permanent key) for a key allowed everything. When a
/// fault expires the key in use, the next one can only come from here.
/// </summary>
internal static class StsCredentialProvider
{
    /// <summary>Long enough that the provider never replaces a key on its own within a run.</summary>
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromMinutes(30);

    public static (TemporaryCredentialProvider Provider, IDisposable Sts) Create(CosEmulator emulator)
    {
        var sts = new CosStsClient(new CosStsClientOptions
        {
            SecretId = emulator.SecretId,
            SecretKey = emulator.SecretKey,
            Region = "ap-guangzhou",
            Endpoint = new Uri(emulator.Endpoint, "/"),
            Timeout = TimeSpan.FromSeconds(10),
        });
        var policy = CosPolicy.CreateBuilder().Allow([CosActions.All], ["*"]).Build();
        var provider = new TemporaryCredentialProvider(async (_, cancellationToken) =>
        {
            var key = await sts.GetFederationTokenAsync(new CosFederationTokenRequest { Name = "chaos", Policy = policy, Duration = KeyLifetime }, cancellationToken);
            return key.ToCosCredentials();
        });
        return (provider, sts);
    }
}
