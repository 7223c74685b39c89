using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Permissions.Catalog;
using ActivityWatch.Monitoring.Permissions.Reports;
using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch permissions report --principal ARN`: granted actions by service and access level, used or not.</summary>
public static class PermissionsReportCommand
{
    private static readonly Option<string> Principal = new("--principal") { Description = "User or role ARN.", Required = true };
    private static readonly Option<DateTimeOffset?> At = new("--at") { Description = "Evaluate the IAM state and use as of this time (default now)." };

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var catalog = PermissionsCommand.Catalog();
        var unusedDays = PermissionsCommand.UnusedDays();
        var command = new Command("report", "What a principal may do and what it used.") { Principal, unusedDays, At, catalog, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken, PermissionsCommand.QueryHost(parse.GetValue(catalog)));
            var days = parse.GetValue(unusedDays) ?? host.Get<IOptions<PermissionsOptions>>().Value.UnusedDays;
            var report = await host.Get<PermissionReports>().ReportAsync(parse.GetValue(Principal)!.Trim(), days, parse.GetValue(At), cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json) Json.Write(context.Out, report);
            else Write(context.Out, report);
            return 0;
        });
        return command;
    }

    private static void Write(TextWriter output, PermissionReport report)
    {
        output.WriteLine($"{report.Principal} as of {report.AsOf:u} (unused = no call in {report.UnusedDays} days; catalogue: {report.Catalog}; granted from: {report.GrantsBasis})");
        if (report.LoggedAs.Count > 1) output.WriteLine($"Logged as: {string.Join(", ", report.LoggedAs)}");
        if (!report.GrantsKnown)
            output.WriteLine($"Nothing is known to be granted to {report.Principal}, so no action is reported used or unused (see the notes below).");
        Table.Write(output, ["SERVICE", "ACCESS LEVEL", "ACTION", "USED", "LAST USED", "CALLS", "CONSTRAINED"],
            report.Services.SelectMany(s => s.Levels.SelectMany(l => l.Actions.Select(a => (IReadOnlyList<string?>)
            [
                s.Service, l.AccessLevel + (a.LevelIsHeuristic ? "*" : ""), a.Action, a.Used ? "yes" : "no",
                a.LastUsed?.UtcDateTime.ToString("yyyy-MM-dd"), a.Calls.ToString(), a.Constraints.Count > 0 ? "yes" : "",
            ]))), maxColumnWidth: 60,
            empty: "no granted actions known for this principal: import the IAM state with `activitywatch permissions import auth.json`");
        if (report.UnusedServices.Count > 0) output.WriteLine($"Unused services: {string.Join(", ", report.UnusedServices)}");
        if (report.UsedButNotGranted.Count > 0) output.WriteLine($"Used but not granted by identity policies: {string.Join(", ", report.UsedButNotGranted)}");
        if (report.UnexpandedPatterns.Count > 0) output.WriteLine($"Not expanded (service not in the catalogue): {string.Join(", ", report.UnexpandedPatterns)}");
        foreach (var note in report.Notes) output.WriteLine($"note: {note}");
        output.WriteLine("* access level guessed from the verb; load a full catalogue with --catalog.");
        output.WriteLine($"Scope: {report.Scope}");
    }
}
