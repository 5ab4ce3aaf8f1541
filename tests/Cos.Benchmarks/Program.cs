using BenchmarkDotNet.Running;

namespace Cos.Benchmarks;

public static class Program
{
    /// <summary><c>dotnet run -c Release --project tests/Cos.Benchmarks -- --filter '*Signer*'</c></summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
