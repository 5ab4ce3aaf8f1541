using System.Text.RegularExpressions;
using Cos.Generated.Backend.Policy;

namespace Cos.Generated.Backend.Sts;

/// <summary>What temporary keys to ask STS GetFederationToken for: the policy that scopes them and how long they last.</summary>
public sealed partial class CosFederationTokenRequest
{
    /// <summary>STS's default validity: 1800 s.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(1800);

    /// <summary>The longest validity STS grants when a root account calls: 7200 s.</summary>
    public static readonly TimeSpan MaxRootAccountDuration = TimeSpan.FromSeconds(7200);

    /// <summary>The longest validity STS grants at all (a sub-account calling): 129600 s (36 h).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(129600);

    /// <summary>What the keys may do. STS grants the intersection of this and the caller's own permissions.</summary>
    public required CosPolicy Policy { get; init; }

    /// <summary>The caller's name shown in audit logs (letters, digits and <c>_-.@=,+</c>, at most 32). Default <c>cos-backend</c>.</summary>
    public string Name { get; init; } = "cos-backend";

    /// <summary>
    /// How long the keys last, whole seconds from 1 s to <see cref="MaxDuration"/>. Default <see cref="DefaultDuration"/>.
    /// STS refuses more than <see cref="MaxRootAccountDuration"/> when the permanent key is a root account's.
    /// </summary>
    public TimeSpan Duration { get; init; } = DefaultDuration;

    /// <summary>Throws when the request cannot be sent as it is.</summary>
    /// <exception cref="ArgumentException">The name, policy or duration is invalid.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Policy, nameof(Policy));
        if (string.IsNullOrEmpty(Name) || !NamePattern().IsMatch(Name))
        {
            throw new ArgumentException($"The federated name '{Name}' must be 1 to 32 letters, digits or _-.@=,+ characters.", nameof(Name));
        }

        if (Duration < TimeSpan.FromSeconds(1) || Duration > MaxDuration || Duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Duration), Duration, $"The duration must be whole seconds from 1 to {(long)MaxDuration.TotalSeconds} (7200 for a root account).");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.@=,+-]{1,32}$")]
    private static partial Regex NamePattern();
}
