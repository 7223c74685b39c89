using ActivityWatch.Cli;

return await CliApplication.RunAsync(args, CliContext.ForConsole());
