using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Alerts.Replay;
using ActivityWatch.Monitoring.Detections.Library;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands.Rules;

/// <summary>`activitywatch rules replay --rule ID [--since] [--until]`: retro-hunt over stored records, no re-ingest.</summary>
public static class RulesReplayCommand
{
    private static readonly Option<string> Rule = new("--rule") { Description = "The rule id (see `rules list`).", Required = true };

    public static Command Create(CliContext context)
    {
        var since = CommonOptions.Since();
        var until = CommonOptions.Until();
        var format = CommonOptions.Format();
        var command = new Command("replay", "Run a rule over stored history (eventTime order) and raise what it finds.") { Rule, since, until, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            if ((await host.Get<RuleLibrary>().LoadAsync(cancellationToken)).Find(parse.GetValue(Rule)!)?.Rule is not { } rule)
            {
                context.Error.WriteLine($"error: unknown rule '{parse.GetValue(Rule)}' (see `activitywatch rules list`)");
                return 1;
            }
            var summary = await host.Get<RuleReplayer>().ReplayAsync(rule, parse.GetValue(since), parse.GetValue(until), cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Json.Write(context.Out, new
                {
                    ruleId = summary.RuleId, records = summary.Records, hits = summary.Hits, raised = summary.Raised,
                    updated = summary.Updated, seconds = Math.Round(summary.Seconds, 3),
                });
                return 0;
            }
            context.Out.WriteLine($"rule      {summary.RuleId}");
            context.Out.WriteLine($"records   {summary.Records}");
            context.Out.WriteLine($"hits      {summary.Hits}");
            context.Out.WriteLine($"raised    {summary.Raised}");
            context.Out.WriteLine($"updated   {summary.Updated}");
            context.Out.WriteLine($"seconds   {summary.Seconds:0.00}");
            return 0;
        });
        return command;
    }
}
