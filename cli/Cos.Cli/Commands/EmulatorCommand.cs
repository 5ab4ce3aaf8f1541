using System.CommandLine;
using System.Globalization;
using Cos.Emulator;

namespace Cos.Cli.Commands;

/// <summary>
/// <c>cos emulator</c>: the local COS (the Cos.Emulator library) for development: real signature checks, in memory or
/// in <c>--data-dir</c>. Prints <c>listening on http://HOST:PORT</c> and the settings that point <c>cos</c> at it, and
/// runs until Ctrl-C.
/// </summary>
internal static class EmulatorCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port", "-p") { Description = "The TCP port (default 9000; 0 picks a free one).", DefaultValueFactory = _ => 9000 };
        var host = new Option<string>("--host") { Description = "The address to listen on (default 127.0.0.1).", DefaultValueFactory = _ => "127.0.0.1" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Keep buckets and objects in this directory across restarts (default: in memory)." };
        var buckets = new Option<string[]>("--bucket") { Description = "A bucket to create at start, NAME-APPID[@REGION] (repeatable).", AllowMultipleArgumentsPerToken = false };
        var secretId = new Option<string?>("--secret-id") { Description = "The SecretId requests must be signed with (default: the emulator's development key)." };
        var secretKey = new Option<string?>("--secret-key") { Description = "Its SecretKey (default: the emulator's development key)." };
        var command = new Command("emulator", "Run a local COS for development and tests until Ctrl-C.") { port, host, dataDir, buckets, secretId, secretKey };
        return command.WithRun(async context =>
        {
            var portNumber = context.Get(port);
            if (portNumber is < 0 or > 65535)
            {
                throw CliException.Usage("--port must be 0-65535.");
            }

            var id = context.Get(secretId) ?? CosEmulatorOptions.DefaultSecretId;
            var key = context.Get(secretKey) ?? CosEmulatorOptions.DefaultSecretKey;
            var options = new CosEmulatorOptions
            {
                Port = portNumber,
                BindAddress = context.Get(host),
                DataDirectory = context.Get(dataDir),
                SecretId = id,
                SecretKey = key,
                Buckets = [.. (context.Get(buckets) ?? []).Select(ParseBucket)],
            };

            await using var emulator = await CosEmulator.StartAsync(options, context.Cancel).ConfigureAwait(false);
            var endpoint = emulator.Endpoint.GetLeftPart(UriPartial.Authority);
            context.Output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"listening on {endpoint}"));
            context.Output.Out.WriteLine($"export COS_ENDPOINT={endpoint} COS_SECRET_ID={id}" + (context.Get(secretKey) is null ? $" COS_SECRET_KEY={key}" : " COS_SECRET_KEY=<the --secret-key given>"));
            context.Output.Out.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, context.Cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C is how the emulator is meant to stop.
            }

            return ExitCodes.Success;
        });
    }

    private static EmulatorBucket ParseBucket(string text)
    {
        var at = text.IndexOf('@');
        return at < 0 ? new EmulatorBucket(text) : new EmulatorBucket(text[..at], text[(at + 1)..]);
    }
}
