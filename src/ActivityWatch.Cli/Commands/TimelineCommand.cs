using System.CommandLine;
using ActivityWatch.Cli.Errors;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Permissions.Roles;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Monitoring.Timeline;
using ActivityWatch.Monitoring.Timeline.Query;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch timeline`: what did this principal, key or address do, newest first (or oldest first), a page at a time.</summary>
public static class TimelineCommand
{
    /// <summary>"showing 100 of N" counts no further than this, so a footer never scans a whole large store.</summary>
    public const long CountCap = 1_000_000;

    private static readonly Option<string?> Principal = new("--principal") { Description = "Principal ARN (assumed-role sessions are found under their role ARN); for a bare user name use --query 'principal:chen'." };
    private static readonly Option<string?> AccessKey = new("--access-key") { Description = "Access key id (AKIA... or ASIA...)." };
    private static readonly Option<string?> Ip = new("--ip") { Description = "Source IP address." };
    private static readonly Option<string?> EventName = new("--event-name") { Description = "CloudTrail eventName or S3 access log operation (REST.GET.OBJECT)." };
    private static readonly Option<string?> Account = new("--account") { Description = "AWS account id." };
    private static readonly Option<string?> Source = new("--source") { Description = "cloudtrail (read from a trail), cloudtrail-eventbridge (forwarded by EventBridge) or s3-access." };
    private static readonly Option<bool> ErrorsOnly = new("--errors-only") { Description = "Only records with an error code." };
    private static readonly Option<bool> Raw = new("--raw") { Description = "Include the raw record as logged." };
    private static readonly Option<bool> OldestFirst = new("--oldest-first") { Description = "Oldest first instead of newest first (what happened next)." };
    private static readonly Option<string?> Query = new("--query", "-q")
    {
        Description = "Query, e.g. 'eventName:Create* AND NOT errorCode:* AND sourceIp:203.0.113.0/24' or 'principal:chen' (fields: " +
                      "principal, eventName, eventSource, sourceIp, errorCode, accountId, region, userAgent, accessKeyId, mfa, identityType, sessionName, source).",
    };

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var limit = CommonOptions.Limit();
        var since = CommonOptions.Since();
        var until = CommonOptions.Until();
        Source.AcceptOnlyFromAmong([.. LogSources.All]);
        // Built per command line: a validator added to a shared option would pile up across runs.
        var cursorOption = new Option<string?>("--cursor") { Description = "Continue after this point: the cursor the previous page printed." };
        cursorOption.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !TimelineCursor.TryParse(result.Tokens[0].Value, out _))
                result.AddError($"invalid cursor '{result.Tokens[0].Value}' for --cursor (use the cursor a previous page printed, e.g. 639322611549914056.3f275a20010f8dd789db4b46ae6559b5)");
        });
        var command = new Command("timeline", "Search activity, newest first (--oldest-first to reverse), 100 at a time.")
        {
            Principal, AccessKey, Ip, EventName, Account, Source, since, until, ErrorsOnly, Query, limit, cursorOption, OldestFirst, format, Raw,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            TimelineCursor? after = TimelineCursor.TryParse(parse.GetValue(cursorOption), out var cursor) ? cursor : null;
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
                IncludeRaw = parse.GetValue(Raw),
                Query = parse.GetValue(Query),
                After = after,
                OldestFirst = parse.GetValue(OldestFirst),
            };
            if (filter.Query is { } text && !TimelineQueryParser.TryParse(text, out _, out var error))
            {
                await context.Error.WriteLineAsync($"error: invalid --query: {error!.Message}\n  {text}\n  {new string(' ', error.Position)}^");
                return ExitCodes.Usage;
            }
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var timeline = host.Get<TimelineQueries>();
            // Principals are widened to every name the logs give them (a role's pathless form in S3 access logs).
            var resolved = host.Get<ResolvedTimeline>();
            var pageSize = parse.GetValue(limit);
            // One more than asked tells whether another page follows.
            var rows = await resolved.SearchAsync(filter with { Limit = pageSize + 1 }, cancellationToken);
            var entries = rows.Take(pageSize).ToList();
            Write(context.Out, entries, parse.GetValue(format), filter.IncludeRaw);

            if (entries.Count == 0)
                await context.Error.WriteLineAsync(await TimelineHints.NothingFoundAsync(timeline, filter, cancellationToken));
            else if (rows.Count > pageSize)
            {
                var total = await resolved.CountAsync(filter, CountCap, cancellationToken);
                var of = total >= CountCap ? $"more than {CountCap:N0}" : $"{total:N0}";
                await context.Error.WriteLineAsync(
                    $"showing {entries.Count:N0} of {of} events{(after is null ? "" : " after the cursor")}, {(filter.OldestFirst ? "oldest" : "newest")} first: " +
                    $"--limit (up to {TimelineQueries.MaxLimit:N0}) or --cursor {entries[^1].Cursor} for more");
            }
            else if (after is not null)
                await context.Error.WriteLineAsync($"last page: {entries.Count:N0} more events");
            return ExitCodes.Ok;
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
                loggedPrincipal = e.LoggedPrincipal,
                principalForm = e.PrincipalForm,
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
                cursor = e.Cursor.ToString(),
                sourceObject = e.SourceObject,
                raw = raw ? e.Raw : null,
            }));
            return;
        }
        if (entries.Count == 0) return;
        Table.Write(output,
            ["TIME", "PRINCIPAL", "EVENT", "SOURCE IP", "ERROR", "MFA", "KEY"],
            entries.Select(e => (IReadOnlyList<string?>)
            [
                e.EventTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"),
                PrincipalText(e),
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

    /// <summary>An access log role the directory could not resolve stays as logged, marked so it is not taken for the role's full ARN.</summary>
    private static string PrincipalText(TimelineEntry e)
    {
        var principal = e.PrincipalForm == "unresolved" ? $"{e.Principal} [path unknown]" : e.Principal;
        return e.SessionName is null ? principal : $"{principal} ({e.SessionName})";
    }
}
