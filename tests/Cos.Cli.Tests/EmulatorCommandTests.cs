using System.Diagnostics;

namespace Cos.Cli.Tests;

/// <summary><c>cos emulator</c>: the local COS from the same binary, which <c>cos</c> itself then talks to.</summary>
public sealed class EmulatorCommandTests
{
    [UnixFact]
    public async Task Cos_emulator_prints_where_it_listens_serves_cos_and_stops_on_Ctrl_C()
    {
        var cli = new CosCli();
        var data = LocalFiles.NewDirectory();
        using var emulator = Process.Start(cli.StartInfo(new Dictionary<string, string>(), data, "emulator", "--port", "0", "--bucket", "local-1250000000", "--data-dir", Path.Combine(data, "store")))!;
        var stderr = emulator.StandardError.ReadToEndAsync();
        try
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var listening = await emulator.StandardOutput.ReadLineAsync(wait.Token);
            listening.ShouldNotBeNull("cos emulator printed nothing");
            listening.ShouldStartWith("listening on http://127.0.0.1:");
            var endpoint = listening["listening on ".Length..];
            var export = await emulator.StandardOutput.ReadLineAsync(wait.Token);
            export.ShouldBe($"export COS_ENDPOINT={endpoint} COS_SECRET_ID=AKIDEMULATOR0000000000000000000000000 COS_SECRET_KEY=emulator-secret-key");

            // The printed keys work, and --endpoint on the command line is enough to find it.
            var keys = new Dictionary<string, string> { ["COS_SECRET_ID"] = "AKIDEMULATOR0000000000000000000000000", ["COS_SECRET_KEY"] = "emulator-secret-key" };
            var work = LocalFiles.NewDirectory();
            LocalFiles.Write(work, "hello.txt", "hello"u8.ToArray());
            (await cli.RunAsync(keys, work, null, "cp", "hello.txt", "cos://local-1250000000/hello.txt", "--endpoint", endpoint)).ShouldSucceed();
            (await cli.RunAsync(keys, work, null, "cat", "cos://local-1250000000/hello.txt", "--endpoint", endpoint)).ShouldSucceed().Stdout.ShouldBe("hello");

            CosCli.Interrupt(emulator);
            await emulator.WaitForExitAsync(wait.Token);
            emulator.ExitCode.ShouldBe(0, await stderr);
        }
        finally
        {
            if (!emulator.HasExited)
            {
                emulator.Kill(entireProcessTree: true);
            }
        }

        // --data-dir kept the object.
        Directory.EnumerateFiles(Path.Combine(data, "store"), "*", SearchOption.AllDirectories).ShouldNotBeEmpty();
    }
}
