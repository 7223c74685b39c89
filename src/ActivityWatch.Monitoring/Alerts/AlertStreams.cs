using Marten;

namespace ActivityWatch.Monitoring.Alerts;

/// <summary>
/// The one way alert events are written: append to the alert's stream and store the evolved view
/// beside them. <see cref="Evolve"/> is the one fold of an alert stream, for this writer and for
/// readers of the stream (delivery builds its bus messages with it).
/// </summary>
public static class AlertStreams
{
    public static Alert Start(IDocumentOperations session, AlertRaised raised, params object[] more)
    {
        var alert = Alert.Create(raised);
        foreach (var @event in more) Evolve(alert, @event);
        // Append, not StartStream: inside a Marten subscription batch a StartStream is silently
        // dropped (documents and progress commit, the events do not), while Append is stored.
        session.Events.Append(alert.Id, [raised, .. more]);
        session.Store(alert);
        return alert;
    }

    /// <summary>Appends to an existing alert; <paramref name="checkVersion"/> makes a concurrent writer fail instead of being overwritten.</summary>
    public static void Append(IDocumentOperations session, Alert alert, bool checkVersion, params object[] events)
    {
        if (events.Length == 0) return;
        if (checkVersion) session.Events.Append(alert.Id, alert.Version + events.Length, events);
        else session.Events.Append(alert.Id, events);
        foreach (var @event in events) Evolve(alert, @event);
        session.Store(alert);
    }

    /// <summary>
    /// The alert after one more event of its stream: <see cref="AlertRaised"/> starts it, every other
    /// event goes to its <c>Apply</c> and is one more stream version. Null while no raise was seen.
    /// </summary>
    public static Alert? Evolve(Alert? alert, object @event)
    {
        if (@event is AlertRaised raised) return Alert.Create(raised);
        if (alert is null) return null;
        switch (@event)
        {
            case AlertUpdated e: alert.Apply(e); break;
            case AlertAcknowledged e: alert.Apply(e); break;
            case AlertResolved e: alert.Apply(e); break;
            case AlertSuppressed e: alert.Apply(e); break;
            case AlertReopened e: alert.Apply(e); break;
            case AlertAssigned e: alert.Apply(e); break;
            case AlertNoteAdded e: alert.Apply(e); break;
            default: throw new ArgumentException($"{@event.GetType().Name} is not an alert event.", nameof(@event));
        }
        alert.Version++;
        return alert;
    }
}
