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
            var findings = await host.Get<PermissionReports>().UnusedAsync(days, cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                // ListFindingsV2's envelope, so scripts written for Access Analyzer read it unchanged.
                Json.Write(context.Out, new { findings });
                return 0;
            }
            Table.Write(context.Out, ["RANK", "TYPE", "RESOURCE", "DETAIL", "HIGHEST LEVEL", "LAST ACCESSED"],
                findings.Select(f => (IReadOnlyList<string?>)
                [
                    f.ActivityWatch.Rank.ToString(), f.FindingType, f.Resource, Detail(f.FindingDetails[0]),
                    f.ActivityWatch.HighestAccessLevel, LastAccessed(f.FindingDetails[0])?.UtcDateTime.ToString("yyyy-MM-dd") ?? "never",
                ]), maxColumnWidth: 70,
                empty: $"no unused access: every imported grant was used within {days} days (or no IAM state is imported: `activitywatch permissions import auth.json`)");
            context.Out.WriteLine($"{findings.Count} findings (unused = no call in {days} days).");
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
