using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Monitoring.Timeline;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Cli.Commands.Rules;

/// <summary>
/// `activitywatch rules noise`: alerts per 1,000 principal-days by severity and by rule over what is
/// stored (a principal-day is a principal active on a UTC day). scripts/noise-budget.sh runs it on the
/// generated benign week; the ML model's alerts are counted apart, as its threshold is set by its own budget.
/// </summary>
public static class RulesNoiseCommand
{
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("noise", "Alerts per 1,000 principal-days by severity and rule, over the stored records.") { format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var schema = host.Get<IOptions<PostgresOptions>>().Value.Schema;
            await using var count = host.Get<NpgsqlDataSource>().CreateCommand(
                $"SELECT count(*) FROM (SELECT DISTINCT principal, (event_time AT TIME ZONE 'UTC')::date FROM {schema}.{TimelineTable.Name}) d");
            var principalDays = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken));
            var alerts = await host.Get<AlertQueries>().ListAsync(activeOnly: false, null, null, 100_000, cancellationToken);
            var rules = alerts.Where(a => !a.RuleId.StartsWith("ml.", StringComparison.Ordinal)).ToList();
            double Rate(int n) => principalDays == 0 ? 0 : Math.Round(n * 1000.0 / principalDays, 2);
            var bySeverity = Severity.Ordered.Select(s => new { severity = s, alerts = rules.Count(a => a.Severity == s), per1000PrincipalDays = Rate(rules.Count(a => a.Severity == s)) }).ToList();
            var byRule = rules.GroupBy(a => (a.RuleId, a.Severity)).OrderByDescending(g => g.Count())
                .Select(g => new { rule = g.Key.RuleId, severity = g.Key.Severity, alerts = g.Count(), per1000PrincipalDays = Rate(g.Count()) }).ToList();
            var ml = alerts.Count - rules.Count;
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Json.Write(context.Out, new { principalDays, bySeverity, byRule, mlAlerts = ml, mlPer1000PrincipalDays = Rate(ml) });
                return 0;
            }
            context.Out.WriteLine($"principal-days  {principalDays}");
            Table.Write(context.Out, ["SEVERITY", "ALERTS", "PER 1,000 PRINCIPAL-DAYS"], bySeverity.Select(s => (IReadOnlyList<string?>)[s.severity, s.alerts.ToString(), s.per1000PrincipalDays.ToString("0.00")]));
            Table.Write(context.Out, ["RULE", "SEVERITY", "ALERTS", "PER 1,000"], byRule.Select(r => (IReadOnlyList<string?>)[r.rule, r.severity, r.alerts.ToString(), r.per1000PrincipalDays.ToString("0.00")]));
            context.Out.WriteLine($"ml.unusual-activity  {ml} ({Rate(ml):0.00} per 1,000 principal-days)");
            return 0;
        });
        return command;
    }
}
