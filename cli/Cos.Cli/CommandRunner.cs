using System.CommandLine;
using Cos.Generated;
using Cos.Generated.Transfer;

namespace Cos.Cli;

/// <summary>Runs a command's body and turns what it throws into one clear line (or a JSON error) and an exit code.</summary>
internal static class CommandRunner
{
    /// <summary>Sets <paramref name="run"/> as the action of <paramref name="command"/>.</summary>
    public static Command WithRun(this Command command, Func<CommandContext, Task<int>> run)
    {
        command.SetAction(async (parse, cancel) =>
        {
            using var context = new CommandContext(parse, cancel);
            try
            {
                return await run(context).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException && cancel.IsCancellationRequested)
            {
                context.Output.Progress?.Clear();
                Report(context, e, "canceled: run the same command again to resume interrupted transfers.");
                return ExitCodes.Canceled;
            }
            catch (Exception e)
            {
                context.Output.Progress?.Clear();
                Report(context, e, Describe(e));
                return ExitCodeOf(e);
            }
        });
        return command;
    }

    /// <summary>The exit code for <paramref name="error"/>.</summary>
    public static int ExitCodeOf(Exception error) => error switch
    {
        CliException cli => cli.ExitCode,
        CosException { StatusCode: 404 } => ExitCodes.NotFound,
        FileNotFoundException or DirectoryNotFoundException => ExitCodes.NotFound,
        ArgumentException => ExitCodes.Usage,
        _ => ExitCodes.Failed,
    };

    /// <summary>One line for <paramref name="error"/>: COS's code, message and request id, or the local error's message. Never a secret: the SDK keeps them out of its messages.</summary>
    public static string Describe(Exception error) => error switch
    {
        CosException cos => $"{cos.StatusCode} {cos.ErrorCode}: {cos.ErrorMessage ?? cos.Message}" + (cos.RequestId is null ? string.Empty : $" (request id {cos.RequestId})"),
        CliException or IOException or UnauthorizedAccessException or ArgumentException or CosIntegrityException or HttpRequestException => error.Message,
        OperationCanceledException or TimeoutException => "timed out: " + error.Message,
        _ => $"{error.GetType().Name}: {error.Message}",
    };

    private static void Report(CommandContext context, Exception error, string message)
    {
        if (!context.Output.Json)
        {
            context.Output.Warn("cos: " + message);
            return;
        }

        context.Output.WriteJson(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteNumber("exitCode", error is OperationCanceledException && context.Cancel.IsCancellationRequested ? ExitCodes.Canceled : ExitCodeOf(error));
            if (error is CosException cos)
            {
                w.WriteNumber("status", cos.StatusCode);
                w.WriteString("code", cos.ErrorCode);
                w.WriteString("requestId", cos.RequestId);
            }

            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
