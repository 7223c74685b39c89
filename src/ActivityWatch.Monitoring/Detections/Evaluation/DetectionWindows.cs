using ActivityWatch.Monitoring.Records;
using Marten;

namespace ActivityWatch.Monitoring.Detections.Evaluation;

/// <summary>
/// Counts matches of aggregating rules per principal (and group, when the rule has one) within the
/// rule's window and turns them into a hit once the threshold is reached; after that every further
/// match in the window is a hit too (it becomes new evidence of the same alert). A match already
/// counted is counted once; rules that count distinct values count each value once.
/// </summary>
public sealed class DetectionWindows(bool persistent)
{
    // Values are attacker-controlled: a record may name thousands of parameters. Past this many
    // entries the threshold has long been reached, and the older entries are evidence already.
    private const int MaxValuesPerRecord = 200;

    private readonly Dictionary<string, DetectionWindow> _windows = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    public async Task<DetectionHit?> CountAsync(IQuerySession session, DetectionRule rule, RuleThreshold threshold, ActivityRecorded record,
        string explanation, DateTimeOffset? appendedAt, CancellationToken cancellationToken)
    {
        var group = threshold.Group?.Invoke(record);
        var id = group is null ? $"{rule.Id}|{record.Principal}" : $"{rule.Id}|{record.Principal}|{Truncate(group, 200)}";
        if (!_windows.TryGetValue(id, out var window))
        {
            window = (persistent ? await session.LoadAsync<DetectionWindow>(id, cancellationToken) : null) ?? new DetectionWindow { Id = id };
            _windows[id] = window;
        }

        var eventId = Reading.RecordFields.EvidenceId(record);
        var values = threshold.Distinct is null
            ? [null]
            : threshold.Distinct(record).Where(v => !string.IsNullOrEmpty(v)).Select(v => (string?)Truncate(v, 300)).Distinct().Take(MaxValuesPerRecord).ToList();
        if (values.Count == 0) return null;
        var added = false;
        foreach (var value in values)
        {
            if (window.Entries.Any(e => e.EventId == eventId && e.Value == value)) continue;
            window.Entries.Add(new WindowEntry(eventId, record.EventTime, value));
            added = true;
        }
        if (added)
        {
            var newest = window.Entries.Max(e => e.Time);
            window.Entries.RemoveAll(e => e.Time < newest - threshold.Window);
            // Past the threshold the older entries are already evidence of the alert: keep the list short.
            var keep = Math.Max(threshold.Count * 2, 20) + (threshold.Distinct is null ? 0 : MaxValuesPerRecord);
            if (window.Entries.Count > keep) window.Entries.RemoveRange(0, window.Entries.Count - keep);
            _changed.Add(id);
        }

        var inWindow = window.Entries.Where(e => e.Time >= record.EventTime - threshold.Window && e.Time <= record.EventTime + threshold.Window).ToList();
        var counted = threshold.Distinct is null ? inWindow.Count : inWindow.Select(e => e.Value).Distinct(StringComparer.Ordinal).Count();
        if (counted < threshold.Count) return null;
        var unit = threshold.Distinct is null ? "" : " distinct";
        var hit = DetectionHit.For(rule, record, $"{explanation} {counted}{unit} in {threshold.Window.TotalMinutes:0} min (threshold {threshold.Count}).", appendedAt);
        return hit with
        {
            EventIds = inWindow.Select(e => e.EventId).Distinct(StringComparer.Ordinal).ToList(),
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

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
