using System.CommandLine;
using Cos.Cli.Paths;

namespace Cos.Cli.Commands;

/// <summary>Options several commands share, made fresh per command (an option belongs to one command).</summary>
internal static class CommonOptions
{
    public static Option<bool> Recursive() => new("--recursive", "-r") { Description = "Everything under the directory or prefix." };

    public static Option<string[]> Include() => new("--include")
    {
        Description = "Only paths matching this glob (repeatable). '*' and '?' stay within a directory, '**' crosses them; without '/' the glob matches the file name.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string[]> Exclude() => new("--exclude")
    {
        Description = "Skip paths matching this glob (repeatable; wins over --include).",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<int> Parallel() => new("--parallel", "-j")
    {
        Description = "Files transferred at once (default 8).",
        DefaultValueFactory = _ => 8,
    };

    public static Option<bool> DryRun() => new("--dry-run") { Description = "Print what would be done and do nothing." };

    public static PathFilter Filter(CommandContext context, Option<string[]> include, Option<string[]> exclude) =>
        new(context.Get(include), context.Get(exclude));

    public static int ParallelOf(CommandContext context, Option<int> parallel) =>
        context.Get(parallel) is var n and >= 1 and <= 256 ? n : throw CliException.Usage("--parallel must be between 1 and 256.");
}
