using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Detections.Library;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands.Rules;

/// <summary>`activitywatch rules list`: built-in and imported rules, with their ATT&amp;CK ids, source and state.</summary>
public static class RulesListCommand
{
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("list", "List the detection rules (built-in and imported), with ATT&CK ids, source and whether each is enabled.") { format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var snapshot = await host.Get<RuleLibrary>().LoadAsync(cancellationToken);
            var options = new DetectionOptions();
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Json.Write(context.Out, snapshot.Entries.Select(e => new
                {
                    id = e.Rule.Id,
                    title = e.Rule.Title,
                    severity = e.Rule.Severity,
                    enabled = e.Enabled,
                    source = e.Rule.Source,
                    status = e.Rule.Status,
                    bestPractice = e.Rule.BestPractice,
                    cis = e.Rule.Cis,
                    attack = e.Rule.Mitre,
                    mitre = e.Rule.Mitre,
                    tactics = e.Rule.AttackTactics,
                    nextSteps = e.Rule.NextSteps,
                    falsePositives = e.Rule.FalsePositives,
                    eventNames = e.Rule.EventNames?.Order(StringComparer.Ordinal),
                    threshold = e.Rule.Threshold?.Invoke(options) is { } t
                        ? new { count = t.Count, windowMinutes = t.Window.TotalMinutes, distinct = t.Distinct is not null }
                        : null,
                }));
                return 0;
            }
            Table.Write(context.Out, ["ID", "SEVERITY", "ON", "SOURCE", "CIS", "ATT&CK", "TITLE"],
                snapshot.Entries.Select(e => (IReadOnlyList<string?>)[e.Rule.Id, e.Rule.Severity, e.Enabled ? "yes" : "no", e.Rule.Source,
                    string.Join(",", e.Rule.Cis), string.Join(",", e.Rule.Mitre), e.Rule.Title]),
                maxColumnWidth: 70);
            return 0;
        });
        return command;
    }
}
