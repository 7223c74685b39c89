using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Permissions.Reports;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch permissions hygiene`: long-term credential findings (rotation, unused, shared, everyday keys).</summary>
public static class PermissionsHygieneCommand
{
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("hygiene", "Access keys and passwords: not rotated, unused for 45 days, used from many networks, doing everyday work.") { format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken, PermissionsCommand.QueryHost());
            var findings = await host.Get<PermissionReports>().HygieneAsync(cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Json.Write(context.Out, findings);
                return 0;
            }
            Table.Write(context.Out, ["SEVERITY", "RULE", "PRINCIPAL", "CREDENTIAL", "LAST USED", "WHY"],
                findings.Select(f => (IReadOnlyList<string?>)
                [
                    f.Severity, f.RuleId, f.Principal, f.Credential, f.LastUsed?.UtcDateTime.ToString("yyyy-MM-dd") ?? "never", f.Explanation,
                ]), maxColumnWidth: 80);
            return 0;
        });
        return command;
    }
}
