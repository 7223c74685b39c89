using ActivityWatch.Monitoring.Checkpoints;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Monitoring.Timeline;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace ActivityWatch.Monitoring.Recording;

/// <summary>
/// The write path. One transaction per batch: the timeline rows (whose primary key rejects
/// records already stored), the events for the records that are new, the quarantine entries
/// and the object's checkpoint. Either all of it is stored or none, so a crash at any point
/// resumes cleanly and never duplicates an event, whichever node picks the object up again.
/// </summary>
public sealed class ActivityRecorder(IDocumentStore store, NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres, TimeProvider time)
{
    private readonly string _insertTimeline = $"""
        INSERT INTO {postgres.Value.Schema}.{TimelineTable.Name}
          (event_id, event_time, source, record_id, principal, session_name, identity_type, account_id,
           event_source, event_name, aws_region, source_ip, user_agent, error_code, access_key_id, mfa, source_object)
        SELECT * FROM unnest(@ids, @times, @sources, @record_ids, @principals, @sessions, @identity_types, @accounts,
           @event_sources, @event_names, @regions, @ips, @agents, @errors, @keys, @mfa, @objects)
        ON CONFLICT (event_id) DO NOTHING
        RETURNING event_id
        """;

    public async Task<SourceCheckpoint?> LoadCheckpointAsync(string sourceObject, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<SourceCheckpoint>(sourceObject, cancellationToken);
    }

    public async Task<BatchOutcome> RecordAsync(SourceBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var ids = new Guid[batch.Records.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = EventIds.FromRecordKey(batch.Records[i].RecordKey);

        var inserted = ids.Length == 0 ? [] : await InsertTimelineAsync(connection, transaction, batch.Records, ids, cancellationToken);

        await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
        var appended = 0;
        if (inserted.Count > 0)
        {
            var events = new List<object>(inserted.Count);
            for (var i = 0; i < ids.Length; i++)
            {
                // Remove as we go: a record repeated inside one batch is appended once.
                if (!inserted.Remove(ids[i])) continue;
                var @event = ((DocumentStore)store).Events.BuildEvent(batch.Records[i]);
                @event.Id = ids[i];
                events.Add(@event);
            }
            appended = events.Count;
            session.Events.Append(batch.SourceObject, events);
        }

        foreach (var rejection in batch.Rejections) session.Store(rejection);

        var checkpoint = await session.LoadAsync<SourceCheckpoint>(batch.SourceObject, cancellationToken)
                         ?? new SourceCheckpoint { Id = batch.SourceObject };
        var outcome = new BatchOutcome(
            Read: batch.Records.Count + batch.Rejections.Count,
            Ingested: appended,
            Duplicates: batch.Records.Count - appended,
            Rejected: batch.Rejections.Count);
        checkpoint.Fingerprint = batch.Fingerprint;
        checkpoint.NextPosition = Math.Max(checkpoint.NextPosition, batch.NextPosition);
        checkpoint.Completed |= batch.CompletesObject;
        checkpoint.RecordsRead += outcome.Read;
        checkpoint.Ingested += outcome.Ingested;
        checkpoint.Duplicates += outcome.Duplicates;
        checkpoint.Rejected += outcome.Rejected;
        checkpoint.UpdatedAt = time.GetUtcNow();
        session.Store(checkpoint);

        await session.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    /// <summary>Marks an object as read without records (a CloudTrail digest file, an empty object).</summary>
    public async Task MarkCompletedAsync(string sourceObject, string? fingerprint, bool digestFile, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var checkpoint = await session.LoadAsync<SourceCheckpoint>(sourceObject, cancellationToken)
                         ?? new SourceCheckpoint { Id = sourceObject };
        checkpoint.Fingerprint = fingerprint;
        checkpoint.Completed = true;
        checkpoint.DigestFile = digestFile;
        checkpoint.UpdatedAt = time.GetUtcNow();
        session.Store(checkpoint);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Forgets an object's progress, so a changed object is read from its start.</summary>
    public async Task ResetCheckpointAsync(string sourceObject, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Delete<SourceCheckpoint>(sourceObject);
        await session.SaveChangesAsync(cancellationToken);
    }

    private async Task<HashSet<Guid>> InsertTimelineAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<ActivityRecorded> records, Guid[] ids, CancellationToken cancellationToken)
    {
        var n = records.Count;
        await using var command = new NpgsqlCommand(_insertTimeline, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", ids));
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("times", Column(records, r => r.EventTime.UtcDateTime)));
        Text(command, "sources", records, r => r.Source);
        Text(command, "record_ids", records, r => r.RecordId);
        Text(command, "principals", records, r => r.Principal);
        Text(command, "sessions", records, r => r.SessionName);
        Text(command, "identity_types", records, r => r.IdentityType);
        Text(command, "accounts", records, r => r.AccountId);
        Text(command, "event_sources", records, r => r.EventSource);
        Text(command, "event_names", records, r => r.EventName);
        Text(command, "regions", records, r => r.AwsRegion);
        Text(command, "ips", records, r => r.SourceIp);
        Text(command, "agents", records, r => r.UserAgent);
        Text(command, "errors", records, r => r.ErrorCode);
        Text(command, "keys", records, r => r.AccessKeyId);
        command.Parameters.Add(new NpgsqlParameter("mfa", NpgsqlDbType.Array | NpgsqlDbType.Boolean)
        {
            Value = Column(records, r => r.Mfa),
        });
        Text(command, "objects", records, r => r.SourceObject);

        var inserted = new HashSet<Guid>(n);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) inserted.Add(reader.GetGuid(0));
        return inserted;
    }

    private static T[] Column<T>(IReadOnlyList<ActivityRecorded> records, Func<ActivityRecorded, T> select)
    {
        var values = new T[records.Count];
        for (var i = 0; i < values.Length; i++) values[i] = select(records[i]);
        return values;
    }

    private static void Text(NpgsqlCommand command, string name, IReadOnlyList<ActivityRecorded> records, Func<ActivityRecorded, string?> select) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Column(records, select) });
}
