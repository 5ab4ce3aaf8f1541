using Cos.Cli;

// cos: see cli/Cos.Cli/README.md for the commands, settings and exit codes.
return await CosCommandLine.RunAsync(args).ConfigureAwait(false);
