using System.Text.Json;
using ActivityWatch.Monitoring.Store;
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

    public async Task<IReadOnlyList<TimelineEntry>> SearchAsync(TimelineFilter filter, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        await using var command = new NpgsqlCommand();
        void Equal(string column, string? value)
        {
            if (value is null) return;
            var name = $"p{command.Parameters.Count}";
            where.Add($"t.{column} = @{name}");
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = value });
        }

        Equal("principal", filter.Principal);
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
        if (filter.After is { } after)
        {
            where.Add("(t.event_time, t.event_id) < (@after_time, @after_id)");
            command.Parameters.Add(new NpgsqlParameter<DateTime>("after_time", after.EventTime.UtcDateTime));
            command.Parameters.Add(new NpgsqlParameter<Guid>("after_id", after.EventId));
        }

        var raw = filter.IncludeRaw
            ? $", (SELECT coalesce(e.data -> 'raw', to_jsonb(e.data ->> 'rawLine')) FROM {_schema}.mt_events e WHERE e.id = t.event_id LIMIT 1)"
            : ", NULL::jsonb";
        command.CommandText = $"""
            SELECT t.record_id, t.event_time, t.principal, t.session_name, t.identity_type, t.account_id,
                   t.event_source, t.event_name, t.aws_region, t.source_ip, t.user_agent, t.error_code,
                   t.access_key_id, t.mfa, t.source, t.source_object, t.event_id{raw}
            FROM {_schema}.{TimelineTable.Name} t
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY t.event_time DESC, t.event_id DESC
            LIMIT @limit
            """;
        command.Parameters.Add(new NpgsqlParameter<int>("limit", Math.Clamp(filter.Limit, 1, MaxLimit)));

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
                Raw = reader.IsDBNull(17) ? null : JsonDocument.Parse(reader.GetString(17)).RootElement.Clone(),
            });
        }
        return entries;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
