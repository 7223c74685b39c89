using System.Text.Json;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Monitoring.Timeline.Query;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace ActivityWatch.Monitoring.Timeline;

/// <summary>
/// Reads the timeline index. Filters become parameters of one fixed statement shape, never
/// SQL text built from input; each equality filter has its own (value, time) index.
/// </summary>
public sealed class TimelineQueries(NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres)
{
    public const int MaxLimit = 10_000;

    private readonly string _schema = postgres.Value.Schema;

    /// <summary>The timeline columns <see cref="ReadEntriesAsync"/> reads, in its order; the raw record follows them.</summary>
    private const string EntryColumns = """
        t.record_id, t.event_time, t.principal, t.session_name, t.identity_type, t.account_id,
        t.event_source, t.event_name, t.aws_region, t.source_ip, t.user_agent, t.error_code,
        t.access_key_id, t.mfa, t.source, t.source_object, t.event_id
        """;

    /// <summary>The record as logged, from the stored event: a CloudTrail record, or an access log line as a JSON string.</summary>
    private readonly string _rawRecord =
        $"(SELECT {EventBodies.Utf8("e")} FROM {MartenTables.Events(postgres.Value.Schema)} e WHERE e.id = t.event_id LIMIT 1)";

    public async Task<IReadOnlyList<TimelineEntry>> SearchAsync(TimelineFilter filter, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand();
        var where = Where(filter, command, paging: true);
        command.CommandText = $"""
            SELECT {EntryColumns}, {(filter.IncludeRaw ? _rawRecord : "NULL::bytea")}
            FROM {_schema}.{TimelineTable.Name} t
            {WhereClause(where)}
            ORDER BY {(filter.OldestFirst ? "t.event_time, t.event_id" : "t.event_time DESC, t.event_id DESC")}
            LIMIT @limit
            """;
        command.Parameters.Add(new NpgsqlParameter<int>("limit", Math.Clamp(filter.Limit, 1, MaxLimit)));

        return await ReadEntriesAsync(command, cancellationToken);
    }

    /// <summary>How many records match the filter (its cursor ignored), counting no further than <paramref name="cap"/>.</summary>
    public async Task<long> CountAsync(TimelineFilter filter, long cap, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand();
        var where = Where(filter with { After = null }, command, paging: false);
        command.CommandText = $"SELECT count(*) FROM (SELECT 1 FROM {_schema}.{TimelineTable.Name} t {WhereClause(where)} LIMIT @cap) matching";
        command.Parameters.Add(new NpgsqlParameter<long>("cap", Math.Max(1, cap)));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        command.Connection = connection;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The oldest and newest record time, of every record or of one principal's: the span a search
    /// can cover, read from the time index (or the principal's), so it stays cheap on any store.
    /// </summary>
    public async Task<TimelineExtent> ExtentAsync(string? principal, CancellationToken cancellationToken)
    {
        var scope = principal is null ? "" : "WHERE t.principal = @principal";
        await using var command = new NpgsqlCommand($"""
            SELECT (SELECT min(t.event_time) FROM {_schema}.{TimelineTable.Name} t {scope}),
                   (SELECT max(t.event_time) FROM {_schema}.{TimelineTable.Name} t {scope})
            """);
        if (principal is not null) command.Parameters.Add(new NpgsqlParameter("principal", NpgsqlDbType.Text) { Value = principal });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        command.Connection = connection;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TimelineExtent(
            reader.IsDBNull(0) ? null : new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero),
            reader.IsDBNull(1) ? null : new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero));
    }

    /// <summary>The entries with these stored event ids (alert evidence, an event's page), newest first, with their raw records.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> GetAsync(IReadOnlyCollection<Guid> storedEventIds, CancellationToken cancellationToken)
    {
        if (storedEventIds.Count == 0) return [];
        await using var command = new NpgsqlCommand($"""
            SELECT {EntryColumns}, {_rawRecord}
            FROM {_schema}.{TimelineTable.Name} t
            WHERE t.event_id = ANY(@ids)
            ORDER BY t.event_time DESC, t.event_id DESC
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", storedEventIds.ToArray()));
        return await ReadEntriesAsync(command, cancellationToken);
    }

    /// <summary>
    /// Alert evidence: detections name records by CloudTrail eventID (or S3 request id), which the
    /// index does not key on, so the lookup stays inside the alert's time window on the time index.
    /// </summary>
    public async Task<IReadOnlyList<TimelineEntry>> EvidenceAsync(
        IReadOnlyCollection<string> recordIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (recordIds.Count == 0) return [];
        await using var command = new NpgsqlCommand($"""
            SELECT {EntryColumns}, {_rawRecord}
            FROM {_schema}.{TimelineTable.Name} t
            WHERE t.event_time >= @from AND t.event_time <= @to AND (t.record_id = ANY(@ids) OR t.event_id = ANY(@keys))
            ORDER BY t.event_time DESC, t.event_id DESC
            LIMIT 1000
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTime>("from", from.UtcDateTime));
        command.Parameters.Add(new NpgsqlParameter<DateTime>("to", to.UtcDateTime));
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", recordIds.ToArray()));
        // Records without an id are named by their record key, from which the stored event id derives.
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("keys", recordIds.Select(Recording.EventIds.FromRecordKey).ToArray()));
        return await ReadEntriesAsync(command, cancellationToken);
    }

    private async Task<IReadOnlyList<TimelineEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        command.Connection = connection;
        var entries = new List<TimelineEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new TimelineEntry
            {
                EventId = Text(reader, 0),
                EventTime = new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
                Principal = reader.GetString(2),
                SessionName = Text(reader, 3),
                IdentityType = reader.GetString(4),
                AccountId = Text(reader, 5),
                EventSource = Text(reader, 6),
                EventName = Text(reader, 7),
                AwsRegion = Text(reader, 8),
                SourceIp = Text(reader, 9),
                UserAgent = Text(reader, 10),
                ErrorCode = Text(reader, 11),
                AccessKeyId = Text(reader, 12),
                Mfa = reader.IsDBNull(13) ? null : reader.GetBoolean(13),
                Source = reader.GetString(14),
                SourceObject = reader.GetString(15),
                StoredEventId = reader.GetGuid(16),
                Raw = reader.IsDBNull(17) ? null : EventBodies.Raw(reader.GetFieldValue<byte[]>(17)),
            });
        }
        return entries;
    }

    /// <summary>
    /// How many records match the filter in each bucket of <paramref name="bucket"/> from
    /// <see cref="TimelineFilter.Since"/> (required) to Until: the timeline's histogram. The cursor
    /// and limit are ignored; empty buckets are left out.
    /// </summary>
    public async Task<IReadOnlyList<TimelineBucket>> HistogramAsync(TimelineFilter filter, TimeSpan bucket, CancellationToken cancellationToken)
    {
        if (filter.Since is not { } origin) throw new ArgumentException("A histogram needs a start time (Since).", nameof(filter));
        if (bucket <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "The bucket must be positive.");
        await using var command = new NpgsqlCommand();
        var where = Where(filter, command, paging: false);
        command.Parameters.Add(new NpgsqlParameter<TimeSpan>("bucket", bucket));
        command.Parameters.Add(new NpgsqlParameter<DateTime>("origin", origin.UtcDateTime));
        command.CommandText = $"""
            SELECT date_bin(@bucket, t.event_time, @origin) AS bucket, count(*)
            FROM {_schema}.{TimelineTable.Name} t
            {WhereClause(where)}
            GROUP BY 1
            ORDER BY 1
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        command.Connection = connection;
        var buckets = new List<TimelineBucket>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            buckets.Add(new TimelineBucket(new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), reader.GetInt64(1)));
        }
        return buckets;
    }

    private static string WhereClause(List<string> where) => where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "";

    /// <summary>The filter as WHERE conditions on <paramref name="command"/>; a query that cannot be read throws <see cref="QuerySyntaxException"/>.</summary>
    private static List<string> Where(TimelineFilter filter, NpgsqlCommand command, bool paging)
    {
        var where = new List<string>();
        void Equal(string column, string? value)
        {
            if (value is null) return;
            var name = $"p{command.Parameters.Count}";
            where.Add($"t.{column} = @{name}");
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = value });
        }

        Equal("principal", filter.Principal);
        if (filter.Principals is { Count: > 0 } principals)
        {
            where.Add("t.principal = ANY(@principals)");
            command.Parameters.Add(new NpgsqlParameter<string[]>("principals", principals.ToArray()));
        }
        Equal("access_key_id", filter.AccessKeyId);
        Equal("source_ip", filter.SourceIp);
        Equal("event_name", filter.EventName);
        Equal("source", filter.Source);
        Equal("account_id", filter.AccountId);
        if (filter.Since is { } since)
        {
            where.Add("t.event_time >= @since");
            command.Parameters.Add(new NpgsqlParameter<DateTime>("since", since.UtcDateTime));
        }
        if (filter.Until is { } until)
        {
            where.Add("t.event_time < @until");
            command.Parameters.Add(new NpgsqlParameter<DateTime>("until", until.UtcDateTime));
        }
        if (filter.ErrorsOnly) where.Add("t.error_code IS NOT NULL");
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var query = filter.QueryPrincipalAliases is { } aliases
                ? TimelineQueryCompiler.Compile(PrincipalAliases.Widen(TimelineQueryParser.Parse(filter.Query), p => aliases.GetValueOrDefault(p) ?? [p]))
                : TimelineQueryCompiler.Compile(filter.Query);
            where.Add(query.Sql);
            command.Parameters.AddRange(query.Parameters.ToArray());
        }
        if (paging && filter.After is { } after)
        {
            where.Add(filter.OldestFirst ? "(t.event_time, t.event_id) > (@after_time, @after_id)" : "(t.event_time, t.event_id) < (@after_time, @after_id)");
            command.Parameters.Add(new NpgsqlParameter<DateTime>("after_time", after.EventTime.UtcDateTime));
            command.Parameters.Add(new NpgsqlParameter<Guid>("after_id", after.EventId));
        }
        return where;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
