using Marten;

namespace ActivityWatch.Monitoring.Alerts;

/// <summary>The one way alert events are written: append to the alert's stream and store the evolved view beside them.</summary>
public static class AlertStreams
{
    public static Alert Start(IDocumentOperations session, AlertRaised raised, params object[] more)
    {
        var alert = Alert.Create(raised);
        foreach (var @event in more) alert.Apply(@event);
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
        foreach (var @event in events) alert.Apply(@event);
        session.Store(alert);
    }
}
