using System.Text;
using System.Text.Json;
using ActivityWatch.Api.Auth;
using ActivityWatch.Monitoring.Permissions.Roles;
using ActivityWatch.Monitoring.Timeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Api.Timeline;

/// <summary>
/// GET /api/timeline/export: every record a search matches (not one page), streamed as CSV, JSON
/// Lines or a JSON array, read from the index a page at a time so memory stays flat whatever the size.
/// </summary>
public static class TimelineExport
{
    private const int PageSize = 5_000;

    public const string RowsHeader = "X-ActivityWatch-Rows";
    public const string TruncatedHeader = "X-ActivityWatch-Truncated";

    private static readonly string[] Columns =
    [
        "eventTime", "principal", "sessionName", "identityType", "accountId", "eventSource", "eventName", "awsRegion",
        "sourceIp", "userAgent", "errorCode", "accessKeyId", "mfa", "source", "eventId", "storedEventId", "sourceObject",
    ];

    public static RouteGroupBuilder MapTimelineExport(this RouteGroupBuilder group)
    {
        group.MapGet("/export", ExportAsync)
            .WithSummary("Export every record a search matches (format csv, ndjson or json), streamed")
            .WithDescription($"The search parameters of GET /api/timeline (limit and cursor aside). At most ActivityWatch:Api:MaxExportRows rows; " +
                             $"{RowsHeader} says how many, and {TruncatedHeader} is true when the search matched more.")
            .RequireAuthorization(ApiPolicies.Read);
        return group;
    }

    private static async Task ExportAsync(
        HttpContext http, [AsParameters] TimelineSearch search, string? format, TimelineQueries timeline, ResolvedTimeline resolved, IOptions<ApiOptions> options,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider time, CancellationToken cancellationToken)
    {
        var kind = (format ?? "csv").ToLowerInvariant();
        if (kind is not ("csv" or "ndjson" or "json"))
        {
            await Problems.ApiProblems.BadRequest("'format' is csv, ndjson or json.", "format").ExecuteAsync(http);
            return;
        }
        var (request, problem) = await TimelineRequest.ResolveAsync(search with { Cursor = null }, timeline, options.Value, time.GetUtcNow(), cancellationToken);
        if (problem is not null)
        {
            await problem.ExecuteAsync(http);
            return;
        }
        var max = options.Value.MaxExportRows;
        var matching = await resolved.CountAsync(request!.Filter, max + 1L, cancellationToken);
        var rows = Math.Min(matching, max);

        var response = http.Response;
        response.ContentType = kind switch { "csv" => "text/csv; charset=utf-8", "ndjson" => "application/x-ndjson", _ => "application/json" };
        response.Headers.ContentDisposition = $"attachment; filename=\"timeline-{request.Range.Since.UtcDateTime:yyyyMMddTHHmmssZ}-{request.Range.Until.UtcDateTime:yyyyMMddTHHmmssZ}.{(kind == "ndjson" ? "jsonl" : kind)}\"";
        response.Headers[RowsHeader] = rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[TruncatedHeader] = matching > max ? "true" : "false";

        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), bufferSize: 64 * 1024);
        if (kind == "csv") await writer.WriteAsync(string.Join(",", Columns) + "\r\n");
        if (kind == "json") await writer.WriteAsync("[");
        var serializer = json.Value.SerializerOptions;
        var filter = request.Filter with { After = null };
        long written = 0;
        while (written < rows)
        {
            var page = await resolved.SearchAsync(filter with { Limit = (int)Math.Min(PageSize, rows - written) }, cancellationToken);
            foreach (var entry in page)
            {
                switch (kind)
                {
                    case "csv":
                        await writer.WriteAsync(CsvRow(entry));
                        break;
                    case "ndjson":
                        await writer.WriteAsync(JsonSerializer.Serialize(entry, serializer) + "\n");
                        break;
                    default:
                        await writer.WriteAsync((written == 0 ? "\n" : ",\n") + JsonSerializer.Serialize(entry, serializer));
                        break;
                }
                written++;
            }
            await writer.FlushAsync(cancellationToken);
            if (page.Count == 0) break;
            filter = filter with { After = page[^1].Cursor };
        }
        if (kind == "json") await writer.WriteAsync("\n]\n");
    }

    private static string CsvRow(TimelineEntry e)
    {
        string?[] values =
        [
            e.EventTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"), e.Principal, e.SessionName, e.IdentityType, e.AccountId, e.EventSource, e.EventName,
            e.AwsRegion, e.SourceIp, e.UserAgent, e.ErrorCode, e.AccessKeyId, e.Mfa switch { true => "true", false => "false", null => "" }, e.Source,
            e.EventId, e.StoredEventId.ToString(), e.SourceObject,
        ];
        return string.Join(",", values.Select(CsvCell)) + "\r\n";
    }

    /// <summary>
    /// A CSV cell that a spreadsheet opens as text: log fields are attacker-controlled, and a cell
    /// starting with = + - @ (or a tab or carriage return) would run as a formula (OWASP CSV injection).
    /// </summary>
    public static string CsvCell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
