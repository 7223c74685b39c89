using ActivityWatch.Contracts.Alerts;
using ActivityWatch.Monitoring.Alerts;
using JasperFx.Events;

namespace ActivityWatch.Delivery.Publishing;

/// <summary>
/// Folds one alert stream into the bus message for each of its raised/updated versions. The
/// message is cumulative (count and every evidence eventID so far), so a consumer that only
/// sees the latest version still has the whole alert. Suppressed alerts are folded (a later
/// reopen needs their history) but not delivered.
/// </summary>
public static class AlertMessages
{
    public const string Raised = "raised";
    public const string Updated = "updated";

    /// <param name="stream">The alert's events in version order, from version 1 up to at least the highest wanted.</param>
    /// <param name="wanted">The versions to build a message for.</param>
    public static IEnumerable<AlertPublished> Build(IEnumerable<IEvent> stream, IReadOnlySet<long> wanted)
    {
        AlertPublished? current = null;
        var suppressed = false;
        var eventIds = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var @event in stream)
        {
            switch (@event.Data)
            {
                case AlertRaised raised:
                    eventIds.Clear();
                    seen.Clear();
                    Add(raised.EventIds);
                    suppressed = raised.SuppressedBy is not null;
                    current = new AlertPublished
                    {
                        AlertId = raised.AlertId,
                        Version = @event.Version,
                        Change = Raised,
                        RuleId = raised.RuleId,
                        Title = raised.Title,
                        Severity = raised.Severity,
                        Cis = raised.Cis,
                        Mitre = raised.Mitre,
                        Principal = raised.Principal,
                        AccountId = raised.AccountId,
                        FirstSeen = raised.FirstSeen,
                        LastSeen = raised.LastSeen,
                        Count = Math.Max(1, raised.EventIds.Count),
                        EventIds = eventIds.ToArray(),
                        Explanation = raised.Explanation,
                        TriggerAppendedAt = raised.RecordAppendedAt,
                    };
                    break;
                case AlertUpdated updated when current is not null:
                    Add(updated.NewEventIds);
                    suppressed = suppressed || updated.Suppressed;
                    current = current with
                    {
                        Version = @event.Version,
                        Change = Updated,
                        // Replay can find older evidence (FirstSeen moves back); late records must not move LastSeen back.
                        FirstSeen = updated.FirstSeen is { } first && first < current.FirstSeen ? first : current.FirstSeen,
                        LastSeen = updated.LastSeen > current.LastSeen ? updated.LastSeen : current.LastSeen,
                        // AlertUpdated carries the running count; never let a stale one move it back.
                        Count = Math.Max(updated.Count, current.Count),
                        EventIds = eventIds.ToArray(),
                        Explanation = updated.Explanation ?? current.Explanation,
                        TriggerAppendedAt = updated.RecordAppendedAt,
                    };
                    break;
                case AlertSuppressed:
                    suppressed = true;
                    continue;
                case AlertReopened:
                    suppressed = false;
                    continue;
                default:
                    continue;
            }
            if (!suppressed && wanted.Contains(@event.Version)) yield return current;
        }

        void Add(IEnumerable<string> ids)
        {
            foreach (var id in ids) if (seen.Add(id)) eventIds.Add(id);
        }
    }
}
