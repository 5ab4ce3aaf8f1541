using System.Collections.Concurrent;
using Cos.Emulator.Policy;

namespace Cos.Emulator.Sts;

/// <summary>A temporary key the emulator's STS issued, with the policy that limits it.</summary>
internal sealed record IssuedKey(TemporaryKey Key, CamPolicy Policy, string Name);

/// <summary>The temporary keys issued by GetFederationToken, by TmpSecretId. Safe to use concurrently.</summary>
internal sealed class IssuedKeys
{
    private readonly ConcurrentDictionary<string, IssuedKey> _keys = new(StringComparer.Ordinal);

    public void Add(IssuedKey key) => _keys[key.Key.TmpSecretId] = key;

    public IssuedKey? Find(string tmpSecretId) => _keys.GetValueOrDefault(tmpSecretId);
}
