using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch permissions import FILE`: an `aws iam get-account-authorization-details` file as an event.</summary>
public static class PermissionsImportCommand
{
    private static readonly Argument<string> File = new("file") { Description = "Output of `aws iam get-account-authorization-details` (JSON)." };

    private static readonly Option<DateTimeOffset?> CapturedAt = new("--captured-at")
    {
        Description = "When the file was taken (ISO 8601). Default: now. CloudTrail IAM changes after it are replayed on top.",
    };

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("import", "Import IAM users, groups, roles and managed policies.") { File, CapturedAt, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken, PermissionsCommand.QueryHost());
            var imported = await host.Get<IamImporter>().ImportAsync(parse.GetValue(File)!,
                parse.GetValue(CapturedAt) ?? host.Get<TimeProvider>().GetUtcNow(), cancellationToken);
            var summary = new
            {
                accountId = imported.AccountId,
                capturedAt = imported.CapturedAt,
                users = imported.Snapshot.Users.Count,
                groups = imported.Snapshot.Groups.Count,
                roles = imported.Snapshot.Roles.Count,
                policies = imported.Snapshot.Policies.Count,
            };
            if (parse.GetValue(format) == OutputFormat.Json) Json.Write(context.Out, summary);
            else context.Out.WriteLine($"Imported account {summary.accountId} as of {summary.capturedAt:u}: {summary.users} users, {summary.groups} groups, {summary.roles} roles, {summary.policies} managed policies.");
            return 0;
        });
        return command;
    }
}
