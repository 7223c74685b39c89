using ActivityWatch.Contracts.Alerts;
using ActivityWatch.Monitoring.Alerts;
using JasperFx.Events;

namespace ActivityWatch.Delivery.Publishing;

/// <summary>
/// The bus message for each raised/updated version of one alert stream, taken from the
/// <see cref="Alert"/> the stream folds to at that version (<see cref="AlertStreams.Evolve"/>,
/// the fold the stored alert is written with). The message is cumulative (count and every
/// evidence eventID so far), so a consumer that only sees the latest version still has the
/// whole alert. Suppressed alerts are folded (a later reopen needs their history) but not delivered.
/// </summary>
public static class AlertMessages
{
    public const string Raised = "raised";
    public const string Updated = "updated";

    /// <param name="stream">The alert's events in version order, from version 1 up to at least the highest wanted.</param>
    /// <param name="wanted">The versions to build a message for.</param>
    public static IEnumerable<AlertPublished> Build(IEnumerable<IEvent> stream, IReadOnlySet<long> wanted)
    {
        Alert? alert = null;
        foreach (var @event in stream)
        {
            alert = AlertStreams.Evolve(alert, @event.Data);
            if (alert is null || alert.Status == AlertStatus.Suppressed || !wanted.Contains(@event.Version)) continue;
            switch (@event.Data)
            {
                case AlertRaised raised:
                    yield return From(alert, @event.Version, Raised, raised.RecordAppendedAt);
                    break;
                case AlertUpdated updated:
                    yield return From(alert, @event.Version, Updated, updated.RecordAppendedAt);
                    break;
            }
        }
    }

    private static AlertPublished From(Alert alert, long version, string change, DateTimeOffset? triggerAppendedAt) => new()
    {
        AlertId = alert.AlertId,
        Version = version,
        Change = change,
        RuleId = alert.RuleId,
        Title = alert.Title,
        Severity = alert.Severity,
        Cis = [.. alert.Cis],
        Mitre = [.. alert.Mitre],
        Principal = alert.Principal,
        AccountId = alert.AccountId,
        FirstSeen = alert.FirstSeen,
        LastSeen = alert.LastSeen,
        Count = alert.Count,
        // A copy: the alert goes on evolving after this version's message is built.
        EventIds = [.. alert.EventIds],
        Explanation = alert.Explanation,
        TriggerAppendedAt = triggerAppendedAt,
    };
}
