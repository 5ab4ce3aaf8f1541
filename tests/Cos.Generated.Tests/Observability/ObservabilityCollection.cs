namespace Cos.Generated.Tests.Observability;

/// <summary>
/// The meter and the activity source are static, shared by every client of the process: the tests that read them run
/// alone, so no other test's operations land in what they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ObservabilityCollection
{
    public const string Name = "Observability";
}
