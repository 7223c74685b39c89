using System.Text.Json;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Monitoring.Timeline;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.Permissions.Granted;

/// <summary>
/// Point-in-time IAM state: the latest import at or before the time asked, then CloudTrail's
/// successful IAM write calls after it, replayed in event-time order. Without an import before
/// that time the state starts empty and only CloudTrail builds it.
/// </summary>
public sealed class IamStateQueries(IDocumentStore store, NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres)
{
    private readonly string _schema = postgres.Value.Schema;

    public async Task<IReadOnlyList<string>> AccountsAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var accounts = await session.Events.QueryRawEventDataOnly<IamAuthorizationImported>().Select(e => e.AccountId).ToListAsync(cancellationToken);
        return accounts.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public async Task<IamAccountState> AtAsync(string accountId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        // CapturedAt is in the event body: filter in memory over the account's few imports.
        var imports = await session.Events.QueryRawEventDataOnly<IamAuthorizationImported>()
            .Where(e => e.AccountId == accountId).ToListAsync(cancellationToken);
        var latest = imports.Where(i => i.CapturedAt <= at).MaxBy(i => i.CapturedAt);
        var state = latest is null ? new IamAccountState(accountId) : IamAccountState.From(latest.Snapshot, latest.CapturedAt);
        await ReplayAsync(state, latest?.CapturedAt, at, cancellationToken);
        return state;
    }

    private async Task ReplayAsync(IamAccountState state, DateTimeOffset? after, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT t.event_time, t.event_name, {EventBodies.Utf8("e")}
            FROM {TimelineTable.JoinedToEvents(_schema)}
            WHERE t.event_source = 'iam.amazonaws.com' AND t.error_code IS NULL AND t.account_id = @account
              AND t.event_name = ANY(@names) AND t.event_time > @after AND t.event_time <= @until
            ORDER BY t.event_time, t.event_id
            """, connection);
        command.Parameters.AddWithValue("account", state.AccountId);
        command.Parameters.AddWithValue("names", CloudTrailIamChanges.EventNames.ToArray());
        command.Parameters.AddWithValue("after", (after ?? DateTimeOffset.UnixEpoch).UtcDateTime);
        command.Parameters.AddWithValue("until", until.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(2) || EventBodies.Raw(reader.GetFieldValue<byte[]>(2)) is not { } raw) continue;
            CloudTrailIamChanges.Apply(state, reader.GetString(1), raw, new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero));
        }
    }
}
