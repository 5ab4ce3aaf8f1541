namespace Cos.Generated.Tests.Transfer;

/// <summary>
/// Tests that start and kill child processes run alone, after the parallel tests. On .NET 10 / Linux, killing a
/// child (and enumerating processes) was seen to reset loopback connections of other tests in this process that
/// were held by a server not reading at the time (the upload stall tests), so such tests must not overlap.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChildProcessCollection
{
    public const string Name = "Child processes (run alone)";
}
