using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands.Alerts;

/// <summary>`activitywatch alerts show ID`: everything about one alert, its evidence and history.</summary>
public static class AlertsShowCommand
{
    private static readonly Argument<Guid> Id = new("id") { Description = "The alert id." };

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("show", "Show one alert.") { Id, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var alert = await host.Get<AlertQueries>().FindAsync(parse.GetValue(Id), cancellationToken);
            if (alert is null)
            {
                context.Error.WriteLine($"error: no alert {parse.GetValue(Id)}");
                return 1;
            }
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Json.Write(context.Out, AlertJson.Detail(alert));
                return 0;
            }
            var o = context.Out;
            o.WriteLine($"{alert.Title} [{alert.Severity}, {alert.Status.ToString().ToLowerInvariant()}]");
            o.WriteLine($"id          {alert.AlertId}");
            o.WriteLine($"rule        {alert.RuleId}  CIS {string.Join(",", alert.Cis)}  MITRE {string.Join(",", alert.Mitre)}");
            o.WriteLine($"principal   {alert.Principal} ({alert.AccountId})");
            o.WriteLine($"seen        {alert.FirstSeen:u} .. {alert.LastSeen:u}, {alert.Count} record(s)");
            o.WriteLine($"why         {alert.Explanation}");
            if (alert.Assignee is not null) o.WriteLine($"assignee    {alert.Assignee}");
            o.WriteLine($"evidence    {string.Join(" ", alert.EventIds)}");
            foreach (var h in alert.History) o.WriteLine($"  {h.At:u}  {h.Action,-12} {h.By}  {h.Note}");
            return 0;
        });
        return command;
    }
}
