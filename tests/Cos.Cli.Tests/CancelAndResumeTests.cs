using System.Diagnostics;
using Cos.Emulator.Faults;

namespace Cos.Cli.Tests;

/// <summary>Ctrl-C stops a transfer with exit code 130, and running the same command again sends only what is missing.</summary>
public sealed class CancelAndResumeTests(EmulatorFixture cos) : IClassFixture<EmulatorFixture>
{
    [UnixFact]
    public async Task Ctrl_C_exits_130_and_a_rerun_resumes_the_multipart_upload_without_resending_finished_parts()
    {
        var directory = LocalFiles.NewDirectory();
        var bytes = LocalFiles.Random(8 * 1024 * 1024, 7);
        LocalFiles.Write(directory, "big.bin", bytes);
        const string key = "resume/big.bin";

        // Parts 1 and 2 go through; the others hang until the client gives up.
        var stalls = Enumerable.Range(3, 8).Select(n => cos.Emulator.Faults.Add(new FaultRule { Operation = "UploadPart", KeyPattern = key, PartNumber = n, Latency = TimeSpan.FromMinutes(2) })).ToList();
        var env = cos.Environment;
        using var process = Process.Start(cos.Cli.StartInfo(env, directory, "cp", "big.bin", $"cos://{EmulatorFixture.Bucket}/{key}", "--no-progress"))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        foreach (var part in new[] { 1, 2 })
        {
            await cos.Emulator.RequestLog.WaitForAsync(r => r.Operation == "UploadPart" && r.Key == key && r.PartNumber == part && r.StatusCode == 200, wait.Token);
        }

        CosCli.Interrupt(process);
        await process.WaitForExitAsync(wait.Token);
        process.ExitCode.ShouldBe(130, await stderr);
        (await stderr).ShouldContain("canceled: run the same command again to resume");
        _ = await stdout;

        foreach (var stall in stalls)
        {
            cos.Emulator.Faults.Remove(stall);
        }

        var before = cos.Emulator.RequestLog.Total;
        (await cos.RunAsync(directory, "cp", "big.bin", $"cos://{EmulatorFixture.Bucket}/{key}")).ShouldSucceed();
        var rerun = cos.Emulator.RequestLog.Snapshot().Where(r => r.Sequence > before && r.Operation == "UploadPart" && r.Key == key).Select(r => r.PartNumber!.Value).ToList();
        rerun.ShouldNotBeEmpty();
        rerun.ShouldNotContain(1);
        rerun.ShouldNotContain(2);
        (await cos.ObjectsAsync("resume/"))["big.bin"].SequenceEqual(bytes).ShouldBeTrue();
    }
}
