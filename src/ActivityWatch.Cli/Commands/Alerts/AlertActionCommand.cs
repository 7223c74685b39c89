using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Alerts.Lifecycle;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands.Alerts;

/// <summary>`activitywatch alerts ack|resolve|suppress|reopen ID --note TEXT [--by NAME]`.</summary>
public static class AlertActionCommand
{
    /// <summary>Exit code when the alert's state does not allow the action.</summary>
    public const int ExitRefused = 2;

    public static Command Create(CliContext context, string name, string description, Func<Guid, string, string?, AlertCommand> build)
    {
        var id = new Argument<Guid>("id") { Description = "The alert id." };
        var note = new Option<string>("--note") { Description = "Why.", Required = true };
        var by = new Option<string?>("--by") { Description = "Who (default: $USER)." };
        var format = CommonOptions.Format();
        var command = new Command(name, description) { id, note, by, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var who = parse.GetValue(by) ?? Environment.GetEnvironmentVariable("USER") ?? Environment.UserName;
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var (alert, decision) = await host.Get<AlertLifecycle>().HandleAsync(build(parse.GetValue(id), who, parse.GetValue(note)), cancellationToken);
            if (!decision.Accepted)
            {
                context.Error.WriteLine($"error: {decision.Refusal}");
                return alert is null ? 1 : ExitRefused;
            }
            if (parse.GetValue(format) == OutputFormat.Json) Json.Write(context.Out, AlertJson.Detail(alert!));
            else context.Out.WriteLine($"{alert!.AlertId} {alert.Status.ToString().ToLowerInvariant()}");
            return 0;
        });
        return command;
    }
}
