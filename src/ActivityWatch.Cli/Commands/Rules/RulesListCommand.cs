using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Detections;

namespace ActivityWatch.Cli.Commands.Rules;

/// <summary>`activitywatch rules list`: the catalogue in code, no database needed.</summary>
public static class RulesListCommand
{
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("list", "List the detection rules.") { format };
        command.SetAction(parse =>
        {
            var options = new DetectionOptions();
            var rules = DetectionCatalogue.Rules;
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Json.Write(context.Out, rules.Select(r => new
                {
                    id = r.Id,
                    title = r.Title,
                    severity = r.Severity,
                    bestPractice = r.BestPractice,
                    cis = r.Cis,
                    mitre = r.Mitre,
                    eventNames = r.EventNames?.Order(StringComparer.Ordinal),
                    threshold = r.Threshold?.Invoke(options) is { } t ? new { count = t.Count, windowMinutes = t.Window.TotalMinutes } : null,
                }));
                return 0;
            }
            Table.Write(context.Out, ["ID", "SEVERITY", "CIS", "MITRE", "TITLE"],
                rules.Select(r => (IReadOnlyList<string?>)[r.Id, r.Severity, string.Join(",", r.Cis), string.Join(",", r.Mitre), r.Title]),
                maxColumnWidth: 70);
            return 0;
        });
        return command;
    }
}
