using System.Diagnostics;
using Cos.Generated;

namespace Cos.Emulator.Tests;

public sealed class StandaloneTests
{
    private static ProcessStartInfo Dotnet(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Cos.Emulator.Cli.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    [Fact]
    public async Task Prints_the_listening_line_answers_a_signed_request_and_stops_on_SIGTERM()
    {
        using var process = Process.Start(Dotnet("--port", "0", "--secret-id", "AKIDSTANDALONE", "--secret-key", "standalone-key", "--bucket", Emulators.Bucket))!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            line.ShouldNotBeNull();
            line.ShouldStartWith("listening on http://127.0.0.1:");
            var port = new Uri(line["listening on ".Length..]).Port;

            using var client = new CosClient(new CosClientOptions
            {
                SecretId = "AKIDSTANDALONE",
                SecretKey = "standalone-key",
                Region = Emulators.Region,
                Protocol = "http",
                ConnectTo = $"127.0.0.1:{port}",
            });
            await client.PutObjectAsync(new PutObjectRequest { Bucket = Emulators.Bucket, Key = "hello.txt", Body = new MemoryStream("hi"u8.ToArray()) });
            (await client.HeadObjectAsync(new HeadObjectRequest { Bucket = Emulators.Bucket, Key = "hello.txt" })).ContentLength.ShouldBe(2);

            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await process.WaitForExitAsync(timeout.Token);
            process.ExitCode.ShouldBe(0);
            (await process.StandardOutput.ReadToEndAsync(timeout.Token)).Trim().ShouldBeEmpty("exactly one line is printed");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Theory]
    [InlineData("--port", "notaport")]
    [InlineData("--bogus")]
    [InlineData("--secret-id")]
    public async Task Bad_arguments_exit_with_code_2_and_a_message(params string[] args)
    {
        using var process = Process.Start(Dotnet(args))!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(2);
        error.ShouldContain("cos-emulator:");
        error.ShouldContain("usage:");
    }
}
