using Cos.Generated.Transfer;

namespace Cos.Cli.Transfers;

/// <summary>One upload, download, copy or delete of a command, described for the report and run by <see cref="TransferBatch"/>.</summary>
/// <param name="Action">What is done: <c>upload</c>, <c>download</c>, <c>copy</c> or <c>delete</c>.</param>
/// <param name="Source">Where from, as the user reads it (a local path or a <c>cos://</c> URI).</param>
/// <param name="Destination">Where to; null for a delete.</param>
/// <param name="Size">The bytes it moves (0 for a delete), for the progress total.</param>
/// <param name="Run">Does it, reporting its own progress.</param>
internal sealed record TransferItem(string Action, string Source, string? Destination, long Size, Func<IProgress<CosTransferProgress>, CancellationToken, Task> Run)
{
    /// <summary>The report line: <c>upload: a.txt -> cos://bucket-1250000000/a.txt</c>.</summary>
    public string Describe() => Destination is null ? $"{Action}: {Source}" : $"{Action}: {Source} -> {Destination}";
}
