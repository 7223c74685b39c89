using System.CommandLine;
using System.CommandLine.Invocation;
using ActivityWatch.Cli.Commands;
using ActivityWatch.Cli.Errors;
using ActivityWatch.Hosting;

namespace ActivityWatch.Cli;

/// <summary>The `activitywatch` command line: one file per command under Commands/.</summary>
public static class CliApplication
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("ActivityWatch: AWS activity monitoring from CloudTrail and S3 server access logs.");
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(TimelineCommand.Create(context));
        root.Subcommands.Add(QuarantineCommand.Create(context));
        root.Subcommands.Add(SimulateCommand.Create(context));
        root.Subcommands.Add(WatchCommand.Create(context));
        root.Subcommands.Add(StatusCommand.Create(context));
        root.Subcommands.Add(VerifyCommand.Create(context));
        root.Subcommands.Add(ProjectionsCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(ApiKeysCommand.Create(context));
        root.Subcommands.Add(ModelCommand.Create(context));
        root.Subcommands.Add(PermissionsCommand.Create(context));
        root.Subcommands.Add(Commands.Alerts.AlertsCommand.Create(context));
        root.Subcommands.Add(Commands.Rules.RulesCommand.Create(context));
        root.Subcommands.Add(Commands.Report.ReportCommand.Create(context));
        return root;
    }

    /// <summary>Runs one command line. Bad input and an unreachable database are one line on stderr with their own exit codes (<see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parse = Build(context).Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            await context.Error.WriteLineAsync($"error: {CommandLineErrors.Describe(parse)}");
            return ExitCodes.Usage;
        }
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception exception) when (DatabaseOutage.Find(exception, context.ConnectionString) is { } outage)
        {
            await context.Error.WriteLineAsync($"error: {outage}");
            return ExitCodes.DatabaseUnavailable;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception exception)
        {
            // Anything else is a defect: its stack trace is what a bug report needs.
            await context.Error.WriteLineAsync($"error: {exception.Message}\n{exception}");
            return ExitCodes.Failed;
        }
    }
}
