using Cos.Transfer.Bench;

// dotnet run -c Release --project tests/Cos.Transfer.Bench [-- --repeat 3 --cases name,name --size-mib 512]
// The parent starts the emulator (discarding store, no authentication) in its own process and runs every case
// in a child process of its own ("child CASE ..."), so CPU time and peak RSS are the client's alone.
if (args.Length > 0 && args[0] == ChildProcess.Verb)
{
    return await ChildProcess.RunAsync(args[1..]);
}

return await Harness.RunAsync(args);
