using System.CommandLine;

namespace Cos.Cli;

/// <summary>The options every command takes (recursive options of the root command).</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Region = new("--region")
    {
        Description = "The region of the bucket (overrides COS_REGION and the profile), such as ap-guangzhou.",
        Recursive = true,
    };

    public static readonly Option<string?> Endpoint = new("--endpoint")
    {
        Description = "Send requests here instead of COS's default host (overrides COS_ENDPOINT): http://127.0.0.1:9000 for the emulator, or a COS endpoint such as cos.ap-guangzhou.myqcloud.com.",
        Recursive = true,
    };

    public static readonly Option<string?> Profile = new("--profile")
    {
        Description = "The profile of ~/.cos/config (or COS_CONFIG_FILE) to read settings from (overrides COS_PROFILE; default: 'default').",
        Recursive = true,
    };

    public static readonly Option<string> Output = new("--output", "-o")
    {
        Description = "text (default) or json: one JSON document on stdout, errors included.",
        Recursive = true,
        DefaultValueFactory = _ => "text",
    };

    public static readonly Option<bool> NoProgress = new("--no-progress")
    {
        Description = "No progress bar, even on an interactive terminal.",
        Recursive = true,
    };

    static GlobalOptions() => Output.AcceptOnlyFromAmong("text", "json");

    public static IEnumerable<Option> All => [Region, Endpoint, Profile, Output, NoProgress];
}
