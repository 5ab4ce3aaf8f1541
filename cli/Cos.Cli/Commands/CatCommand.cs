using System.CommandLine;
using Cos.Cli.Paths;
using Cos.Generated;

namespace Cos.Cli.Commands;

/// <summary><c>cos cat cos://bucket/key</c>: the object's bytes on stdout, streamed (CRC-64 checked by the SDK when COS sends one).</summary>
internal static class CatCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("uri") { Description = "cos://bucket-appid/key" };
        var command = new Command("cat", "Write an object to stdout.") { target };
        return command.WithRun(async context =>
        {
            await WriteToStdoutAsync(context, CosUri.Parse(context.Get(target))).ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }

    public static async Task WriteToStdoutAsync(CommandContext context, CosUri uri)
    {
        if (uri.IsPrefix)
        {
            throw CliException.Usage($"{uri} is a prefix, not an object.");
        }

        await using var response = await context.Client.GetObjectAsync(new GetObjectRequest { Bucket = uri.Bucket, Key = uri.Key }, context.Cancel).ConfigureAwait(false);
        await using var stdout = Console.OpenStandardOutput();
        await response.Body.CopyToAsync(stdout, context.Cancel).ConfigureAwait(false);
        await stdout.FlushAsync(context.Cancel).ConfigureAwait(false);
    }
}
