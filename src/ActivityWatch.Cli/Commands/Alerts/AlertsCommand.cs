using System.CommandLine;

namespace ActivityWatch.Cli.Commands.Alerts;

/// <summary>`activitywatch alerts`: list, show and work alerts; manage suppressions.</summary>
public static class AlertsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("alerts", "Alerts raised by the detections: list, show, acknowledge, resolve, suppress, reopen.");
        command.Subcommands.Add(AlertsListCommand.Create(context));
        command.Subcommands.Add(AlertsShowCommand.Create(context));
        command.Subcommands.Add(AlertActionCommand.Create(context, "ack", "Acknowledge an open alert.", (id, by, note) => new Monitoring.Alerts.Lifecycle.AcknowledgeAlert(id, by, note)));
        command.Subcommands.Add(AlertActionCommand.Create(context, "resolve", "Resolve an alert.", (id, by, note) => new Monitoring.Alerts.Lifecycle.ResolveAlert(id, by, note)));
        command.Subcommands.Add(AlertActionCommand.Create(context, "suppress", "Suppress an alert (new evidence keeps it suppressed).", (id, by, note) => new Monitoring.Alerts.Lifecycle.SuppressAlert(id, by, note)));
        command.Subcommands.Add(AlertActionCommand.Create(context, "reopen", "Reopen an acknowledged, resolved or suppressed alert.", (id, by, note) => new Monitoring.Alerts.Lifecycle.ReopenAlert(id, by, note)));
        command.Subcommands.Add(SuppressionsCommand.Create(context));
        return command;
    }
}
