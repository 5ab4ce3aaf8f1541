using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Cos.Emulator;
using Cos.Generated;
using Cos.Generated.Transfer;

// dotnet publish cli/Cos.Cli -c Release -r linux-x64 -o artifacts/cos
// dotnet run --project tests/Cos.Cli.Bench -c Release [-- artifacts/cos/cos]
// Prints the binary's size, the cold start of `cos ls` (NativeAOT, and the framework-dependent build as the baseline)
// and `cos cp -r` of 1,000 small files against UploadDirectoryAsync of the same files, all against one in-process emulator.
var repo = Metadata("RepoRoot");
var aot = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine(repo, "artifacts", "cos", "cos"));
var dll = Path.Combine(repo, "cli", "Cos.Cli", "bin", Metadata("Configuration"), "net10.0", "cos.dll");
if (!File.Exists(aot))
{
    Console.Error.WriteLine($"no NativeAOT binary at {aot}: dotnet publish cli/Cos.Cli -c Release -r linux-x64 -o artifacts/cos");
    return 2;
}

const string bucket = "bench-1250000000";
await using var emulator = await CosEmulator.StartAsync(new CosEmulatorOptions { Buckets = [new EmulatorBucket(bucket)] });
using var client = new CosClient(emulator.CreateClientOptions());
var environment = new Dictionary<string, string>
{
    ["COS_ENDPOINT"] = emulator.Endpoint.GetLeftPart(UriPartial.Authority),
    ["COS_SECRET_ID"] = emulator.SecretId,
    ["COS_SECRET_KEY"] = emulator.Options.SecretKey,
};
for (var i = 0; i < 5; i++)
{
    await client.PutObjectAsync(new PutObjectRequest { Bucket = bucket, Key = $"ls/{i}.txt", Body = new MemoryStream(new byte[100]) });
}

Console.WriteLine($"cos NativeAOT binary: {new FileInfo(aot).Length:N0} bytes ({new FileInfo(aot).Length / 1e6:0.00} MB; goal <= 15 MB)");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

// Cold start: a whole process per run (start, parse, one signed GET Bucket, print, exit), median of many.
var aotStart = await MedianAsync(30, () => RunAsync(aot, [], "ls", $"cos://{bucket}/ls/"));
var jitStart = await MedianAsync(10, () => RunAsync("dotnet", [dll], "ls", $"cos://{bucket}/ls/"));
Console.WriteLine($"cold start of `cos ls` (median): NativeAOT {aotStart.TotalMilliseconds:0.0} ms, framework-dependent {jitStart.TotalMilliseconds:0.0} ms: {jitStart / aotStart:0.0}x faster (goal <= 50 ms)");

// 1,000 small files: the command line against the SDK's own directory upload, the same files and parallelism.
var tree = Directory.CreateTempSubdirectory("cos-bench-").FullName;
var random = new Random(42);
for (var i = 0; i < 1000; i++)
{
    var path = Path.Combine(tree, $"d{i % 20:00}", $"f{i:0000}.bin");
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    var bytes = new byte[1024 + random.Next(3 * 1024)];
    random.NextBytes(bytes);
    File.WriteAllBytes(path, bytes);
}

var round = 0;
var cli = await MedianAsync(3, () => RunAsync(aot, [], "cp", "-r", tree, $"cos://{bucket}/cli/{round++}/", "--parallel", "8"));
var sdk = await MedianAsync(3, async () =>
{
    var started = Stopwatch.GetTimestamp();
    var result = await client.UploadDirectoryAsync(bucket, tree, new CosDirectoryUploadOptions { KeyPrefix = $"sdk/{round++}/", FileParallelLimit = 8 });
    result.ThrowIfAnyFailed();
    return Stopwatch.GetElapsedTime(started);
});
Console.WriteLine($"1,000 files of 1-4 KiB, 8 at a time (median of 3): cos cp -r {cli.TotalSeconds:0.00} s, UploadDirectoryAsync {sdk.TotalSeconds:0.00} s: cos takes {cli / sdk:0.00}x the time");
Directory.Delete(tree, recursive: true);
return 0;

async Task<TimeSpan> RunAsync(string file, string[] prefix, params string[] arguments)
{
    var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var argument in prefix.Concat(arguments))
    {
        info.ArgumentList.Add(argument);
    }

    foreach (var (name, value) in environment)
    {
        info.Environment[name] = value;
    }

    var started = Stopwatch.GetTimestamp();
    using var process = Process.Start(info)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    var elapsed = Stopwatch.GetElapsedTime(started);
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}");
    }

    _ = await stdout;
    return elapsed;
}

static async Task<TimeSpan> MedianAsync(int runs, Func<Task<TimeSpan>> run)
{
    await run(); // warm the file cache and the emulator
    var times = new List<TimeSpan>();
    for (var i = 0; i < runs; i++)
    {
        times.Add(await run());
    }

    times.Sort();
    return times[times.Count / 2];
}

static string Metadata(string key) =>
    typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
