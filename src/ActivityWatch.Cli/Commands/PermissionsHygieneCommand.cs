using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Permissions.Hygiene;
using ActivityWatch.Monitoring.Permissions.Reports;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch permissions hygiene`: long-term credential findings (rotation, unused, shared, everyday keys).</summary>
public static class PermissionsHygieneCommand
{
    private static readonly Option<bool> RaiseAlerts = new("--raise-alerts")
    {
        Description = "Also raise each finding as an alert (joins the open alert of the same rule and principal).",
    };

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("hygiene", "Access keys and passwords: not rotated, unused for 45 days, used from many networks, doing everyday work.") { format, RaiseAlerts };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken, PermissionsCommand.QueryHost());
            var findings = await host.Get<PermissionReports>().HygieneAsync(cancellationToken);
            if (parse.GetValue(RaiseAlerts))
            {
                var (raised, updated) = await host.Get<HygieneAlerts>().RaiseAsync(findings, cancellationToken);
                context.Error.WriteLine($"alerts: {raised} raised, {updated} updated");
            }
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Json.Write(context.Out, findings);
                return 0;
            }
            Table.Write(context.Out, ["SEVERITY", "RULE", "PRINCIPAL", "CREDENTIAL", "LAST USED", "WHY"],
                findings.Select(f => (IReadOnlyList<string?>)
                [
                    f.Severity, f.RuleId, f.Principal, f.Credential, f.LastUsed?.UtcDateTime.ToString("yyyy-MM-dd") ?? "never", f.Explanation,
                ]), maxColumnWidth: 80,
                empty: "no credential hygiene findings: no old, unused, shared or root keys or passwords in the stored activity");
            return 0;
        });
        return command;
    }
}
