using ActivityWatch.Monitoring.Checkpoints;
using ActivityWatch.Monitoring.Quarantine;
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
public sealed class ActivityRecorder(IDocumentStore store, NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres, TimeProvider time, PlannerStatistics statistics)
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

    /// <summary>The checkpoints of the named objects that have one, read in pages of a thousand names.</summary>
    public async Task<Dictionary<string, SourceCheckpoint>> LoadCheckpointsAsync(IEnumerable<string> sourceObjects, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var found = new Dictionary<string, SourceCheckpoint>(StringComparer.Ordinal);
        foreach (var page in sourceObjects.Distinct(StringComparer.Ordinal).Chunk(1_000))
        {
            foreach (var checkpoint in await session.LoadManyAsync<SourceCheckpoint>(cancellationToken, page)) found[checkpoint.Id] = checkpoint;
        }
        return found;
    }

    public async Task<BatchOutcome> RecordAsync(SourceBatch batch, CancellationToken cancellationToken) =>
        (await RecordAsync([batch], cancellationToken))[0];

    /// <summary>
    /// Stores batches of one or more objects in one transaction: CloudTrail writes a file per account,
    /// region and five minutes, so most objects are a few dozen records and a transaction each would
    /// spend its time on round trips. The caller keeps at most one batch of an object in flight.
    /// A server that goes away for a moment (restart, failover, lost connection) is waited for; a
    /// record PostgreSQL refuses is quarantined with the reason and the rest is stored, so no record's
    /// content can hold its object or partition back.
    /// </summary>
    public async Task<IReadOnlyList<BatchOutcome>> RecordAsync(IReadOnlyList<SourceBatch> batches, CancellationToken cancellationToken)
    {
        var work = batches.Select(b => b with { Records = b.Records.Select(r => r.Cleaned()).ToList() }).ToList();
        var refusedSearched = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAsync(work, commit: true, cancellationToken);
            }
            catch (Exception error) when (StoreErrors.IsTransient(error) && attempt < TransientAttempts && !cancellationToken.IsCancellationRequested)
            {
                // Each attempt is the whole transaction again: the timeline's primary key makes it idempotent.
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 0.5 * (1 << attempt))), cancellationToken);
            }
            catch (Exception error) when (StoreErrors.IsCausedByContent(error) && !refusedSearched)
            {
                refusedSearched = true;
                work = await QuarantineRefusedAsync(work, cancellationToken);
            }
        }
    }

    // About a minute of waiting in all (0.5 s doubling, capped at 30 s) before the error reaches the caller.
    private const int TransientAttempts = 8;

    private async Task<IReadOnlyList<BatchOutcome>> WriteAsync(IReadOnlyList<SourceBatch> batches, bool commit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var records = new List<ActivityRecorded>(batches.Sum(b => b.Records.Count));
        foreach (var batch in batches) records.AddRange(batch.Records);
        var ids = new Guid[records.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = EventIds.FromRecordKey(records[i].RecordKey);
        var inserted = ids.Length == 0 ? [] : await InsertTimelineAsync(connection, transaction, records, ids, cancellationToken);

        await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
        var checkpoints = await session.LoadManyAsync<SourceCheckpoint>(cancellationToken, batches.Select(b => b.SourceObject).Distinct(StringComparer.Ordinal));
        var checkpointOf = checkpoints.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var outcomes = new BatchOutcome[batches.Count];
        var next = 0;
        for (var b = 0; b < batches.Count; b++)
        {
            var batch = batches[b];
            var events = new List<object>(batch.Records.Count);
            for (var i = 0; i < batch.Records.Count; i++, next++)
            {
                // Remove as we go: a record repeated in the transaction is appended once.
                if (!inserted.Remove(ids[next])) continue;
                var @event = ((DocumentStore)store).Events.BuildEvent(batch.Records[i]);
                @event.Id = ids[next];
                events.Add(@event);
            }
            if (events.Count > 0) session.Events.Append(batch.SourceObject, events);
            foreach (var rejection in batch.Rejections) session.Store(rejection);
            if (batch.Documents.Count > 0) session.StoreObjects(batch.Documents);

            var outcome = outcomes[b] = new BatchOutcome(
                Read: batch.Positions,
                Ingested: events.Count,
                Duplicates: batch.Records.Count - events.Count,
                Rejected: batch.Rejections.Count + batch.FoldedRejections);
            if (!checkpointOf.TryGetValue(batch.SourceObject, out var checkpoint))
                checkpointOf[batch.SourceObject] = checkpoint = new SourceCheckpoint { Id = batch.SourceObject };
            checkpoint.Fingerprint = batch.Fingerprint;
            checkpoint.NextPosition = Math.Max(checkpoint.NextPosition, batch.NextPosition);
            checkpoint.Completed |= batch.CompletesObject;
            checkpoint.DigestFile |= batch.DigestFile;
            checkpoint.RecordsRead += outcome.Read;
            checkpoint.Ingested += outcome.Ingested;
            checkpoint.Duplicates += outcome.Duplicates;
            checkpoint.Rejected += outcome.Rejected;
            checkpoint.UpdatedAt = time.GetUtcNow();
        }
        foreach (var checkpoint in checkpointOf.Values) session.Store(checkpoint);

        await session.SaveChangesAsync(cancellationToken);
        if (!commit)
        {
            await transaction.RollbackAsync(cancellationToken);
            return outcomes;
        }
        await transaction.CommitAsync(cancellationToken);
        await statistics.AppendedAsync(outcomes.Sum(o => o.Ingested), cancellationToken);
        return outcomes;
    }

    /// <summary>
    /// PostgreSQL refused something in these batches although every record was cleaned: find the
    /// records it refuses by storing each alone in a transaction that is rolled back, and quarantine
    /// them with the server's reason. Slow (a transaction per record), and taken only after a refusal.
    /// </summary>
    private async Task<List<SourceBatch>> QuarantineRefusedAsync(IReadOnlyList<SourceBatch> batches, CancellationToken cancellationToken)
    {
        var result = new List<SourceBatch>(batches.Count);
        foreach (var batch in batches)
        {
            var kept = new List<ActivityRecorded>(batch.Records.Count);
            var rejections = new List<QuarantinedRecord>(batch.Rejections);
            foreach (var record in batch.Records)
            {
                var alone = new SourceBatch(batch.SourceObject, batch.Fingerprint, [record], [], batch.NextPosition, false);
                try
                {
                    await WriteAsync([alone], commit: false, cancellationToken);
                    kept.Add(record);
                }
                catch (Exception error) when (StoreErrors.IsCausedByContent(error))
                {
                    rejections.Add(new QuarantinedRecord
                    {
                        Id = QuarantinedRecord.IdFor(record.SourceObject, record.Position),
                        SourceObject = record.SourceObject,
                        Position = record.Position,
                        Reason = $"PostgreSQL refused to store the record ({StoreErrors.Describe(error)})",
                        Excerpt = RecordText.Clean(record.RawLine ?? record.Raw?.GetRawText(), 500),
                        QuarantinedAt = time.GetUtcNow(),
                    });
                }
            }
            result.Add(batch with { Records = kept, Rejections = rejections });
        }
        return result;
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
        // Rows go in id order: two transactions that meet the same records (overlapping files read
        // at once) then lock them in the same order and wait for each other instead of deadlocking.
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        var sortedIds = (Guid[])ids.Clone();
        Array.Sort(sortedIds, order);
        await using var command = new NpgsqlCommand(_insertTimeline, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", sortedIds));
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("times", Column(records, order, r => r.EventTime.UtcDateTime)));
        Text(command, order, "sources", records, r => r.Source);
        Text(command, order, "record_ids", records, r => r.RecordId);
        Text(command, order, "principals", records, r => r.Principal);
        Text(command, order, "sessions", records, r => r.SessionName);
        Text(command, order, "identity_types", records, r => r.IdentityType);
        Text(command, order, "accounts", records, r => r.AccountId);
        Text(command, order, "event_sources", records, r => r.EventSource);
        Text(command, order, "event_names", records, r => r.EventName);
        Text(command, order, "regions", records, r => r.AwsRegion);
        Text(command, order, "ips", records, r => r.SourceIp);
        Text(command, order, "agents", records, r => r.UserAgent);
        Text(command, order, "errors", records, r => r.ErrorCode);
        Text(command, order, "keys", records, r => r.AccessKeyId);
        command.Parameters.Add(new NpgsqlParameter("mfa", NpgsqlDbType.Array | NpgsqlDbType.Boolean)
        {
            Value = Column(records, order, r => r.Mfa),
        });
        Text(command, order, "objects", records, r => r.SourceObject);

        var inserted = new HashSet<Guid>(n);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) inserted.Add(reader.GetGuid(0));
        return inserted;
    }

    private static T[] Column<T>(IReadOnlyList<ActivityRecorded> records, int[] order, Func<ActivityRecorded, T> select)
    {
        var values = new T[records.Count];
        for (var i = 0; i < values.Length; i++) values[i] = select(records[order[i]]);
        return values;
    }

    private static void Text(NpgsqlCommand command, int[] order, string name, IReadOnlyList<ActivityRecorded> records, Func<ActivityRecorded, string?> select) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Column(records, order, select) });
}
