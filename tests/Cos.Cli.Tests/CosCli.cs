using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Cos.Cli.Tests;

/// <summary>What a run of cos printed and how it ended.</summary>
public sealed record CliResult(string Arguments, int ExitCode, string Stdout, string Stderr)
{
    public string Describe() => $"`cos {Arguments}` exited {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";

    public CliResult ShouldSucceed()
    {
        ExitCode.ShouldBe(0, Describe());
        return this;
    }

    public IReadOnlyList<string> Lines => Stdout.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
}

/// <summary>
/// Runs the cos binary as a child process. COS_CLI_PATH names the NativeAOT binary (CI publishes it first and requires
/// it); without it the framework-dependent build of cli/Cos.Cli runs under dotnet. The child's environment holds only
/// what a test gives it plus PATH, and HOME points at a fresh directory, so a developer's own ~/.cos/config or COS_*
/// variables never leak into a test.
/// </summary>
public sealed class CosCli
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public CosCli()
    {
        Home = Directory.CreateTempSubdirectory("cos-cli-home-").FullName;
    }

    public string Home { get; }

    /// <summary>The published binary under test, or null for the framework-dependent build.</summary>
    public static string? PublishedBinary => Environment.GetEnvironmentVariable("COS_CLI_PATH") is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    private static string BuiltDll => Path.Combine(Metadata("RepoRoot"), "cli", "Cos.Cli", "bin", Metadata("Configuration"), "net10.0", "cos.dll");

    public ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args)
    {
        var published = PublishedBinary;
        if (published is null && Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException("CI must test the NativeAOT binary: set COS_CLI_PATH (.ci/run publishes it).");
        }

        var info = new ProcessStartInfo(published ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (published is null)
        {
            info.ArgumentList.Add(BuiltDll);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var dotnetRoot = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        info.Environment.Clear();
        info.Environment["PATH"] = path;
        info.Environment["HOME"] = Home;
        if (dotnetRoot is not null)
        {
            info.Environment["DOTNET_ROOT"] = dotnetRoot;
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    public async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, string workingDirectory, byte[]? stdin, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, workingDirectory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`cos {string.Join(' ', args)}` did not end within {Timeout}; stderr: {await stderr}");
        }

        return new CliResult(string.Join(' ', args), process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Sends SIGINT (what Ctrl-C sends) to <paramref name="process"/>.</summary>
    public static void Interrupt(Process process)
    {
        if (kill(process.Id, 2) != 0)
        {
            throw new InvalidOperationException($"kill(SIGINT) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // a test helper: DllImport is fine here
    private static extern int kill(int pid, int signal);
#pragma warning restore SYSLIB1054

    private static string Metadata(string key) =>
        typeof(CosCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
