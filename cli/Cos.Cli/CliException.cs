namespace Cos.Cli;

/// <summary>A failure the command reports in one line with its own exit code (a usage error, a missing local source…).</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    /// <summary>The process exit code (<see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(ExitCodes.Usage, message);

    public static CliException NotFound(string message) => new(ExitCodes.NotFound, message);
}
