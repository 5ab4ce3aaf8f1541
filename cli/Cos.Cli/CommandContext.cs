using System.CommandLine;
using Cos.Cli.Output;
using Cos.Cli.Settings;
using Cos.Generated;

namespace Cos.Cli;

/// <summary>One invocation: its parsed command line, output, cancellation and (made on first use) its client.</summary>
internal sealed class CommandContext : IDisposable
{
    private CosClient? _client;

    public CommandContext(ParseResult parse, CancellationToken cancel)
    {
        Parse = parse;
        Cancel = cancel;
        Output = new CliOutput(json: parse.GetValue(GlobalOptions.Output) == "json", progress: !parse.GetValue(GlobalOptions.NoProgress));
    }

    public ParseResult Parse { get; }

    public CancellationToken Cancel { get; }

    public CliOutput Output { get; }

    /// <summary>The client of the resolved settings (a usage error when keys or region are missing).</summary>
    public CosClient Client => _client ??= new CosClient(Settings.ToClientOptions(Output.Interactive ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1)));

    public CliSettings Settings => field ??= CliSettings.Resolve(Parse.GetValue(GlobalOptions.Profile), Parse.GetValue(GlobalOptions.Region), Parse.GetValue(GlobalOptions.Endpoint));

    public T Get<T>(Option<T> option) => Parse.GetValue(option)!;

    public T Get<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    public void Dispose() => _client?.Dispose();
}
