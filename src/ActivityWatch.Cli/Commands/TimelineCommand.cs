using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Monitoring.Timeline;
using ActivityWatch.Monitoring.Timeline.Query;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch timeline`: what did this principal, key or address do, newest first.</summary>
public static class TimelineCommand
{
    private static readonly Option<string?> Principal = new("--principal") { Description = "Principal ARN (assumed-role sessions are found under their role ARN)." };
    private static readonly Option<string?> AccessKey = new("--access-key") { Description = "Access key id (AKIA... or ASIA...)." };
    private static readonly Option<string?> Ip = new("--ip") { Description = "Source IP address." };
    private static readonly Option<string?> EventName = new("--event-name") { Description = "CloudTrail eventName or S3 access log operation (REST.GET.OBJECT)." };
    private static readonly Option<string?> Account = new("--account") { Description = "AWS account id." };
    private static readonly Option<string?> Source = new("--source") { Description = "cloudtrail (read from a trail), cloudtrail-eventbridge (forwarded by EventBridge) or s3-access." };
    private static readonly Option<bool> ErrorsOnly = new("--errors-only") { Description = "Only records with an error code." };
    private static readonly Option<bool> Raw = new("--raw") { Description = "Include the raw record as logged." };
    private static readonly Option<string?> Query = new("--query", "-q")
    {
        Description = "Query, e.g. 'eventName:Delete* AND NOT errorCode:* AND sourceIp:203.0.113.0/24' (fields: " +
                      "principal, eventName, eventSource, sourceIp, errorCode, accountId, region, userAgent, accessKeyId, mfa, identityType).",
    };

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var limit = CommonOptions.Limit();
        var since = CommonOptions.Since();
        var until = CommonOptions.Until();
        Source.AcceptOnlyFromAmong([.. LogSources.All]);
        var command = new Command("timeline", "Search activity, newest first.")
        {
            Principal, AccessKey, Ip, EventName, Account, Source, since, until, ErrorsOnly, Query, limit, format, Raw,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var filter = new TimelineFilter
            {
                Principal = parse.GetValue(Principal),
                AccessKeyId = parse.GetValue(AccessKey),
                SourceIp = parse.GetValue(Ip),
                EventName = parse.GetValue(EventName),
                AccountId = parse.GetValue(Account),
                Source = parse.GetValue(Source),
                Since = parse.GetValue(since),
                Until = parse.GetValue(until),
                ErrorsOnly = parse.GetValue(ErrorsOnly),
                Limit = parse.GetValue(limit),
                IncludeRaw = parse.GetValue(Raw),
                Query = parse.GetValue(Query),
            };
            if (filter.Query is { } text && !TimelineQueryParser.TryParse(text, out _, out var error))
            {
                await context.Error.WriteLineAsync($"invalid --query: {error!.Message}\n  {text}\n  {new string(' ', error.Position)}^");
                return 2;
            }
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var entries = await host.Get<TimelineQueries>().SearchAsync(filter, cancellationToken);
            Write(context.Out, entries, parse.GetValue(format), filter.IncludeRaw);
            return 0;
        });
        return command;
    }

    private static void Write(TextWriter output, IReadOnlyList<TimelineEntry> entries, OutputFormat format, bool raw)
    {
        if (format == OutputFormat.Json)
        {
            Json.Write(output, entries.Select(e => new
            {
                eventId = e.EventId,
                eventTime = e.EventTime,
                principal = e.Principal,
                sessionName = e.SessionName,
                identityType = e.IdentityType,
                accountId = e.AccountId,
                eventSource = e.EventSource,
                eventName = e.EventName,
                awsRegion = e.AwsRegion,
                sourceIp = e.SourceIp,
                userAgent = e.UserAgent,
                errorCode = e.ErrorCode,
                accessKeyId = e.AccessKeyId,
                mfa = e.Mfa,
                source = e.Source,
                sourceObject = e.SourceObject,
                raw = raw ? e.Raw : null,
            }));
            return;
        }
        Table.Write(output,
            ["TIME", "PRINCIPAL", "EVENT", "SOURCE IP", "ERROR", "MFA", "KEY"],
            entries.Select(e => (IReadOnlyList<string?>)
            [
                e.EventTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"),
                e.SessionName is null ? e.Principal : $"{e.Principal} ({e.SessionName})",
                e.EventName,
                e.SourceIp,
                e.ErrorCode,
                e.Mfa switch { true => "yes", false => "no", null => "" },
                e.AccessKeyId,
            ]),
            maxColumnWidth: 70);
        if (raw)
        {
            foreach (var entry in entries.Where(e => e.Raw is not null)) output.WriteLine(entry.Raw!.Value.GetRawText());
        }
    }
}
