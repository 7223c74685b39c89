using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands.Alerts;

/// <summary>`activitywatch alerts list`: newest evidence first.</summary>
public static class AlertsListCommand
{
    private static readonly Option<string> Status = new("--status") { Description = "open (open and acknowledged) or all.", DefaultValueFactory = _ => "open" };
    private static readonly Option<string?> Rule = new("--rule") { Description = "Only this rule id (see `rules list`)." };
    private static readonly Option<string?> SeverityOption = new("--severity") { Description = "low, medium, high or critical." };

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var limit = CommonOptions.Limit(500);
        Status.AcceptOnlyFromAmong("open", "all");
        SeverityOption.AcceptOnlyFromAmong([.. Severity.Ordered]);
        var command = new Command("list", "List alerts.") { Status, Rule, SeverityOption, limit, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var alerts = await host.Get<AlertQueries>().ListAsync(parse.GetValue(Status) == "open", parse.GetValue(Rule), parse.GetValue(SeverityOption), parse.GetValue(limit), cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Json.Write(context.Out, alerts.Select(AlertJson.Summary));
                return 0;
            }
            Table.Write(context.Out,
                ["ID", "SEVERITY", "RULE", "PRINCIPAL", "LAST SEEN", "COUNT", "STATUS"],
                alerts.Select(a => (IReadOnlyList<string?>)
                [
                    a.AlertId.ToString(), a.Severity, a.RuleId, a.Principal, a.LastSeen.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"),
                    a.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Status.ToString().ToLowerInvariant(),
                ]),
                maxColumnWidth: 60,
                empty: Empty(parse.GetValue(Status) == "open", parse.GetValue(Rule), parse.GetValue(SeverityOption)));
            return 0;
        });
        return command;
    }

    private static string Empty(bool open, string? rule, string? severity)
    {
        var which = $"{(severity is null ? "" : severity + " ")}{(open ? "open " : "")}alerts{(rule is null ? "" : $" of rule {rule}")}";
        return open
            ? $"no {which}: nothing new to triage (`--status all` lists acknowledged, resolved and suppressed ones too)"
            : $"no {which}: no detection has matched the stored events";
    }
}
