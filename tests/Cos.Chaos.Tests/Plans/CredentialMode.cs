namespace Cos.Chaos.Tests.Plans;

/// <summary>How a run's client signs.</summary>
internal enum CredentialMode
{
    /// <summary>The emulator's permanent key.</summary>
    Permanent,

    /// <summary>A <c>TemporaryCredentialProvider</c> fetching keys from the emulator's STS.</summary>
    Temporary,
}
