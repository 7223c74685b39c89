using ActivityWatch.Monitoring.Records;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace ActivityWatch.Monitoring.LivePath;

/// <summary>
/// A view kept as one document per key, folded from records under the async daemon. Each record is
/// read first (<see cref="Changes"/>: the only place that touches its hostile content, and the only
/// place allowed to fail on it), then its changes are applied; a record that fails is recorded as a
/// <see cref="ProjectionFailure"/> of this view and changes nothing. The changed documents commit
/// with the page's progress, so a page is applied exactly once. Changes must commute (sums, minima,
/// maxima by <see cref="Stamp"/>, sets), so the view is the same whatever order the records came in.
/// </summary>
public abstract class DocumentFold<TView>(TimeProvider time) : IProjection where TView : class
{
    /// <summary>The member name failures are recorded under.</summary>
    public abstract string Member { get; }

    /// <summary>What this record changes: reads the record, and may throw on it. The changes only write to their view.</summary>
    protected abstract IEnumerable<ViewChange<TView>> Changes(ActivityRecorded record);

    protected abstract TView Create(string id);

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var changes = new List<(IEvent Event, ViewChange<TView> Change)>();
        foreach (var @event in events)
        {
            if (@event.Data is not ActivityRecorded record) continue;
            try
            {
                foreach (var change in Changes(record).ToList()) changes.Add((@event, change));
            }
            catch (Exception error) when (ProjectionFailures.IsCausedByRecord(error))
            {
                ProjectionFailures.Record(operations, Member, @event, error, time);
            }
        }
        if (changes.Count == 0) return;

        var ids = changes.Select(c => c.Change.Id).Distinct(StringComparer.Ordinal).ToArray();
        var views = new Dictionary<string, TView>(StringComparer.Ordinal);
        var stored = await operations.LoadManyAsync<TView>(cancellation, ids);
        foreach (var view in stored) views[IdOf(view)] = view;
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (@event, change) in changes)
        {
            if (!views.TryGetValue(change.Id, out var view)) views[change.Id] = view = Create(change.Id);
            try
            {
                change.Apply(view);
                changed.Add(change.Id);
            }
            catch (Exception error) when (ProjectionFailures.IsCausedByRecord(error))
            {
                ProjectionFailures.Record(operations, Member, @event, error, time);
            }
        }
        foreach (var id in changed) operations.Store(views[id]);
    }

    protected abstract string IdOf(TView view);

    /// <summary>
    /// Folds one record into views held in memory, as <see cref="ApplyAsync"/> folds it into stored ones:
    /// what <c>verify</c> recomputes a view with. False when the record failed, as it would live.
    /// </summary>
    public bool FoldInMemory(ActivityRecorded record, Dictionary<string, TView> views)
    {
        List<ViewChange<TView>> changes;
        try
        {
            changes = Changes(record).ToList();
        }
        catch (Exception error) when (ProjectionFailures.IsCausedByRecord(error))
        {
            return false;
        }
        var ok = true;
        foreach (var change in changes)
        {
            var exists = views.TryGetValue(change.Id, out var view);
            view ??= Create(change.Id);
            try
            {
                change.Apply(view);
                views[change.Id] = view;
            }
            catch (Exception error) when (ProjectionFailures.IsCausedByRecord(error))
            {
                ok = false;
                if (!exists) continue;
            }
        }
        return ok;
    }
}

/// <summary>One document a record changes, and how.</summary>
public readonly record struct ViewChange<TView>(string Id, Action<TView> Apply);
