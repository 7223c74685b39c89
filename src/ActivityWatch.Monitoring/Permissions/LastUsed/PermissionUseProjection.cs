using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Permissions.Actions;
using ActivityWatch.Monitoring.Records;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace ActivityWatch.Monitoring.Permissions.LastUsed;

/// <summary>
/// Async projection of every ActivityRecorded into the last-used tables. The daemon hands it a
/// page of events; it folds the page in memory and queues one upsert per table into the same
/// unit of work as the daemon's progress mark, so a page is applied exactly once. A record it
/// cannot read is recorded as a failure of this view and leaves the page's fold untouched.
/// </summary>
public sealed class PermissionUseProjection(string schema, ActionMapper mapper, TimeProvider time) : IProjection
{
    public const string Member = "PermissionUse";

    private readonly UseBatchSql _sql = new(schema);

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var batch = new UseBatch(mapper);
        foreach (var e in events)
        {
            if (e.Data is not ActivityRecorded record) continue;
            try
            {
                batch.Add(record);
            }
            catch (Exception error) when (ProjectionFailures.IsCausedByRecord(error))
            {
                ProjectionFailures.Record(operations, Member, e, error, time);
            }
        }
        if (!batch.IsEmpty) _sql.Queue(operations, batch);
        return Task.CompletedTask;
    }
}
