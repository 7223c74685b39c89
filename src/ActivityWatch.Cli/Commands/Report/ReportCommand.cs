using System.CommandLine;
using System.Globalization;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Posture;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands.Report;

/// <summary>`activitywatch report root-usage|mfa|access-keys`: the posture projections.</summary>
public static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("report", "Posture reports: root usage, MFA per IAM user, access key inventory.");
        command.Subcommands.Add(Report(context, "root-usage", "Root usage per account.", WriteRootUsage));
        command.Subcommands.Add(Report(context, "mfa", "Console sign-ins with and without MFA, and MFA device changes, per IAM user.", WriteMfa));
        command.Subcommands.Add(Report(context, "access-keys", "Long-term access keys seen: created, first and last seen, age, last service, networks.", WriteAccessKeys));
        return command;
    }

    private static Command Report(CliContext context, string name, string description, Func<PostureQueries, TextWriter, OutputFormat, CancellationToken, Task> write)
    {
        var format = CommonOptions.Format();
        var command = new Command(name, description) { format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            await write(host.Get<PostureQueries>(), context.Out, parse.GetValue(format), cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task WriteRootUsage(PostureQueries queries, TextWriter output, OutputFormat format, CancellationToken cancellationToken)
    {
        var rows = await queries.RootUsageAsync(cancellationToken);
        if (format == OutputFormat.Json)
        {
            Json.Write(output, rows.Select(r => new
            {
                accountId = r.Id, lastConsoleSignIn = r.LastConsoleSignIn, lastConsoleSignInIp = r.LastConsoleSignInIp, lastConsoleSignInMfa = r.LastConsoleSignInMfa,
                failedConsoleSignIns = r.FailedConsoleSignIns, lastApiCall = r.LastApiCall, lastApiCallName = r.LastApiCallName,
                accessKeysSeen = r.AccessKeysSeen, perDay = r.PerDay, total = r.Total,
            }));
            return;
        }
        Table.Write(output, ["ACCOUNT", "LAST SIGN-IN", "LAST API CALL", "ROOT KEYS", "FAILED SIGN-INS", "TOTAL"],
            rows.Select(r => (IReadOnlyList<string?>)[r.Id, Time(r.LastConsoleSignIn), r.LastApiCall is null ? null : $"{Time(r.LastApiCall)} {r.LastApiCallName}",
                string.Join(",", r.AccessKeysSeen), Number(r.FailedConsoleSignIns), Number(r.Total)]), maxColumnWidth: 70,
            empty: "no root user activity: no account's root user signed in or called an API in the stored events");
    }

    private static async Task WriteMfa(PostureQueries queries, TextWriter output, OutputFormat format, CancellationToken cancellationToken)
    {
        var rows = await queries.MfaAsync(cancellationToken);
        if (format == OutputFormat.Json)
        {
            Json.Write(output, rows.Select(m => new
            {
                accountId = m.AccountId, userName = m.UserName, principal = m.Principal, lastConsoleSignIn = m.LastConsoleSignIn,
                lastSignInWithMfa = m.LastSignInWithMfa, lastSignInWithoutMfa = m.LastSignInWithoutMfa, signInsWithMfa = m.SignInsWithMfa,
                signInsWithoutMfa = m.SignInsWithoutMfa, hasMfaDevice = m.HasMfaDevice,
                deviceChanges = m.DeviceChanges.Select(c => new { eventName = c.EventName, serialNumber = c.SerialNumber, by = c.By, at = c.At }),
            }));
            return;
        }
        Table.Write(output, ["ACCOUNT", "USER", "LAST WITH MFA", "LAST WITHOUT MFA", "WITH", "WITHOUT", "MFA DEVICE", "DEVICE CHANGES"],
            rows.Select(m => (IReadOnlyList<string?>)[m.AccountId, m.UserName, Time(m.LastSignInWithMfa), Time(m.LastSignInWithoutMfa),
                Number(m.SignInsWithMfa), Number(m.SignInsWithoutMfa), m.HasMfaDevice switch { true => "yes", false => "removed", null => "?" },
                Number(m.DeviceChanges.Count)]),
            empty: "no IAM user console sign-ins or MFA device changes in the stored events");
    }

    private static async Task WriteAccessKeys(PostureQueries queries, TextWriter output, OutputFormat format, CancellationToken cancellationToken)
    {
        var rows = await queries.AccessKeysAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        if (format == OutputFormat.Json)
        {
            Json.Write(output, rows.Select(k => new
            {
                accessKeyId = k.Id, userName = k.UserName, principal = k.Principal, accountId = k.AccountId, created = k.Created,
                firstSeen = k.FirstSeen, lastSeen = k.LastSeen, ageDays = k.AgeAt(now) is { } age ? Math.Floor(age.TotalDays) : (double?)null,
                lastService = k.LastService, status = k.Status, deleted = k.Deleted, calls = k.Calls, networks = k.NetworkCount,
            }));
            return;
        }
        Table.Write(output, ["KEY", "USER", "CREATED", "FIRST SEEN", "LAST SEEN", "AGE (d)", "LAST SERVICE", "NETWORKS", "STATUS"],
            rows.Select(k => (IReadOnlyList<string?>)[k.Id, k.UserName, Time(k.Created), Time(k.FirstSeen), Time(k.LastSeen),
                k.AgeAt(now) is { } age ? Number((long)age.TotalDays) : null, k.LastService, Number(k.NetworkCount),
                k.Deleted ? "deleted" : k.Status]),
            empty: "no long-term access keys (AKIA...) seen in the stored events");
    }

    private static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
