namespace Cos.Transfer.Bench;

/// <summary>One client doing one kind of transfer; <see cref="RunAsync"/> moves <c>size</c> bytes once.</summary>
internal interface ITransfer : IDisposable
{
    Task RunAsync(long size);
}

internal static class Transfers
{
    public static ITransfer Create(BenchCase bench, Workload workload) => bench.Name.Split('-')[0] switch
    {
        "raw" => new RawTransfer(bench, workload),
        "cos" => new CosTransfer(bench, workload),
        "aws" => new AwsTransfer(bench, workload),
        _ => throw new ArgumentException($"No client for case '{bench.Name}'.", nameof(bench)),
    };
}
