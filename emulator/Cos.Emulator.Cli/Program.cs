using System.Globalization;
using System.Runtime.InteropServices;
using Cos.Emulator;
using Cos.Emulator.Cli;

// Standalone: dotnet run --project emulator/Cos.Emulator.Cli -c Release -- --port 0 --secret-id ID --secret-key KEY [--data-dir DIR]
// Prints exactly one line "listening on http://127.0.0.1:PORT" once it accepts requests; stops on Ctrl-C or SIGTERM.
var options = EmulatorArguments.Parse(args, out var error, out var help);
if (help)
{
    Console.WriteLine(EmulatorArguments.Usage);
    return 0;
}

if (options is null)
{
    Console.Error.WriteLine($"cos-emulator: {error}");
    Console.Error.WriteLine(EmulatorArguments.Usage);
    return 2;
}

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);

await using (var emulator = await CosEmulator.StartAsync(options))
{
    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"listening on {emulator.Endpoint.GetLeftPart(UriPartial.Authority)}"));
    Console.Out.Flush();
    await stop.Task;
}

return 0;

void Handle(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}
