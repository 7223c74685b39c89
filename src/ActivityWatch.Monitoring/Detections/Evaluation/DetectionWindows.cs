using ActivityWatch.Monitoring.Records;
using Marten;

namespace ActivityWatch.Monitoring.Detections.Evaluation;

/// <summary>
/// Counts matches of aggregating rules per principal within the rule's window and turns them into
/// a hit once the threshold is reached; after that every further match in the window is a hit too
/// (it becomes new evidence of the same alert). A match already counted is counted once.
/// </summary>
public sealed class DetectionWindows(bool persistent)
{
    private readonly Dictionary<string, DetectionWindow> _windows = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    public async Task<DetectionHit?> CountAsync(IQuerySession session, DetectionRule rule, RuleThreshold threshold, ActivityRecorded record,
        string explanation, DateTimeOffset? appendedAt, CancellationToken cancellationToken)
    {
        var id = $"{rule.Id}|{record.Principal}";
        if (!_windows.TryGetValue(id, out var window))
        {
            window = (persistent ? await session.LoadAsync<DetectionWindow>(id, cancellationToken) : null) ?? new DetectionWindow { Id = id };
            _windows[id] = window;
        }

        var eventId = Reading.RecordFields.EvidenceId(record);
        if (!window.Entries.Any(e => e.EventId == eventId))
        {
            window.Entries.Add(new WindowEntry(eventId, record.EventTime));
            var newest = window.Entries.Max(e => e.Time);
            window.Entries.RemoveAll(e => e.Time < newest - threshold.Window);
            // Past the threshold the older entries are already evidence of the alert: keep the list short.
            var keep = Math.Max(threshold.Count * 2, 20);
            if (window.Entries.Count > keep) window.Entries.RemoveRange(0, window.Entries.Count - keep);
            _changed.Add(id);
        }

        var inWindow = window.Entries.Where(e => e.Time >= record.EventTime - threshold.Window && e.Time <= record.EventTime + threshold.Window).ToList();
        if (inWindow.Count < threshold.Count) return null;
        var hit = DetectionHit.For(rule, record, $"{explanation} {inWindow.Count} in {threshold.Window.TotalMinutes:0} min (threshold {threshold.Count}).", appendedAt);
        return hit with
        {
            EventIds = inWindow.Select(e => e.EventId).ToList(),
            FirstSeen = inWindow.Min(e => e.Time),
            LastSeen = inWindow.Max(e => e.Time),
        };
    }

    public void SaveChanges(IDocumentOperations session)
    {
        if (!persistent) return;
        foreach (var id in _changed) session.Store(_windows[id]);
        _changed.Clear();
    }
}
