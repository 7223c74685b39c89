using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Permissions.Catalog;
using ActivityWatch.Monitoring.Permissions.Reports;
using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch permissions unused`: every principal's unused access as Access Analyzer-shaped findings, most urgent first.</summary>
public static class PermissionsUnusedCommand
{
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var catalog = PermissionsCommand.Catalog();
        var unusedDays = PermissionsCommand.UnusedDays();
        var command = new Command("unused", "Unused permissions, roles, access keys and passwords for every principal.") { unusedDays, catalog, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken, PermissionsCommand.QueryHost(parse.GetValue(catalog)));
            var days = parse.GetValue(unusedDays) ?? host.Get<IOptions<PermissionsOptions>>().Value.UnusedDays;
            var report = await host.Get<PermissionReports>().UnusedReportAsync(days, cancellationToken);
            var findings = report.Findings;
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                // ListFindingsV2's envelope, so scripts written for Access Analyzer read it unchanged; what the
                // findings rest on rides beside it in a member such scripts ignore.
                Json.Write(context.Out, new { findings, activityWatch = new { report.Accounts, report.Notes } });
                foreach (var note in report.Notes) context.Error.WriteLine($"note: {note}");
                return 0;
            }
            Table.Write(context.Out, ["RANK", "TYPE", "RESOURCE", "DETAIL", "HIGHEST LEVEL", "LAST ACCESSED"],
                findings.Select(f => (IReadOnlyList<string?>)
                [
                    f.ActivityWatch.Rank.ToString(), f.FindingType + (f.ActivityWatch.GrantsBasis == GrantsBasis.CloudTrailOnly ? " (CloudTrail only)" : ""),
                    f.Resource, Detail(f.FindingDetails[0]),
                    f.ActivityWatch.HighestAccessLevel, LastAccessed(f.FindingDetails[0])?.UtcDateTime.ToString("yyyy-MM-dd") ?? "never",
                ]), maxColumnWidth: 70,
                empty: $"no unused access: every imported grant was used within {days} days (or no IAM state is imported: `activitywatch permissions import auth.json`)");
            context.Out.WriteLine($"{findings.Count} findings (unused = no call in {days} days).");
            foreach (var account in report.Accounts)
                context.Out.WriteLine($"account {account.AccountId}: {(account.SnapshotAt is { } at ? $"IAM import of {at:u}" : "CloudTrail IAM changes only")}, {account.Users} users, {account.Roles} roles");
            foreach (var note in report.Notes) context.Out.WriteLine($"note: {note}");
            return 0;
        });
        return command;
    }

    private static string Detail(FindingDetails details) =>
        details.UnusedPermissionDetails is { } p ? $"{p.ServiceNamespace}: {p.Actions.Count} actions"
        : details.UnusedIamUserAccessKeyDetails is { } k ? k.AccessKeyId
        : details.UnusedIamUserPasswordDetails is not null ? "console password"
        : "role";

    private static DateTimeOffset? LastAccessed(FindingDetails details) =>
        details.UnusedPermissionDetails?.LastAccessed ?? details.UnusedIamUserAccessKeyDetails?.LastAccessed
        ?? details.UnusedIamUserPasswordDetails?.LastAccessed ?? details.UnusedIamRoleDetails?.LastAccessed;
}
