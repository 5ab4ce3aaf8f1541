using System.CommandLine;
using Cos.Cli.Commands;

namespace Cos.Cli;

/// <summary>The <c>cos</c> command tree and its entry point.</summary>
internal static class CosCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "cos: Tencent Cloud Object Storage from the command line. Objects are cos://bucket-appid/key. "
            + "Keys come from COS_SECRET_ID/COS_SECRET_KEY/COS_SECURITY_TOKEN or ~/.cos/config, never from arguments; "
            + "COS_REGION and COS_ENDPOINT (or --region/--endpoint) say where. Exit codes: 0 done, 1 failed, 2 usage, "
            + "3 partly failed, 4 not found, 130 canceled.");
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(LsCommand.Create());
        root.Subcommands.Add(CpCommand.Create());
        root.Subcommands.Add(SyncCommand.Create());
        root.Subcommands.Add(RmCommand.Create());
        root.Subcommands.Add(StatCommand.Create());
        root.Subcommands.Add(CatCommand.Create());
        root.Subcommands.Add(PresignCommand.Create());
        root.Subcommands.Add(MbCommand.Create());
        root.Subcommands.Add(RbCommand.Create());
        root.Subcommands.Add(EmulatorCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine("cos: " + error.Message);
            }

            Console.Error.WriteLine("Run 'cos --help' or 'cos COMMAND --help' for usage.");
            return ExitCodes.Usage;
        }

        // Ctrl-C and SIGTERM cancel the command's token; transfers stop, keep their checkpoints and the command exits 130.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) };
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }
}
