using System.CommandLine;
using ActivityWatch.Cli.Commands;

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

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error };
        return await Build(context).Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
