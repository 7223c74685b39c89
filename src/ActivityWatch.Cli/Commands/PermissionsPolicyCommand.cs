using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Permissions.Reports;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch permissions policy --principal ARN`: a least-privilege policy from the observed actions.</summary>
public static class PermissionsPolicyCommand
{
    private static readonly Option<string> Principal = new("--principal") { Description = "User or role ARN.", Required = true };

    private static readonly Option<bool> IncludeAlerted = new("--include-alerted")
    {
        Description = "Keep actions whose only uses are evidence of open or acknowledged high or critical alerts (left out by default, listed as warnings).",
    };

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format(OutputFormat.Json);
        var since = CommonOptions.Since();
        var command = new Command("policy", "Generate an IAM policy allowing exactly the actions the principal used.") { Principal, since, IncludeAlerted, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken, PermissionsCommand.QueryHost());
            var policy = await host.Get<PermissionReports>().PolicyAsync(parse.GetValue(Principal)!.Trim(), parse.GetValue(since), parse.GetValue(IncludeAlerted), cancellationToken);
            if (policy.Refused is { } refused)
            {
                context.Error.WriteLine($"error: {refused}");
                return 2;
            }
            foreach (var warning in policy.Warnings) context.Error.WriteLine($"warning: {warning}");
            foreach (var note in policy.Notes) context.Error.WriteLine($"note: {note}");
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                // One document prints as the document itself, ready for `aws iam create-policy --policy-document`.
                if (policy.Documents.Count == 1) context.Out.WriteLine(policy.Documents[0].ToJsonString(Json.Options));
                else Json.Write(context.Out, policy.Documents);
                return 0;
            }
            Table.Write(context.Out, ["DOCUMENT", "SID", "ACTION", "RESOURCE"],
                policy.Documents.SelectMany((d, i) => d["Statement"]!.AsArray().SelectMany(s => s!["Action"]!.AsArray().Select(a => (IReadOnlyList<string?>)
                [
                    (i + 1).ToString(), s["Sid"]!.GetValue<string>(), a!.GetValue<string>(), s["Resource"]!.ToJsonString().Trim('"'),
                ]))), maxColumnWidth: 80,
                empty: "no actions observed for this principal in the window: the policy grants nothing");
            return 0;
        });
        return command;
    }
}
