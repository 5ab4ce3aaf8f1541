namespace Cos.Generated.Tests.Transfer;

/// <summary>
/// Tests that run alone, after the parallel tests: the kill-and-resume test (it starts and kills a child process)
/// and the upload stall test (its connection is held open by a server that has stopped reading). On .NET 10 /
/// Linux such held loopback connections were seen to be reset while other tests ran in parallel — a child being
/// killed, <c>Process.GetProcesses()</c>, and the rest of the suite all did it — so neither may overlap with them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunAloneCollection
{
    public const string Name = "Run alone";
}
