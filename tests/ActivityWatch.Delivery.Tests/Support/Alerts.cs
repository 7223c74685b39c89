using ActivityWatch.Monitoring.Alerts;
using Marten;

namespace ActivityWatch.Delivery.Tests.Support;

/// <summary>Alert events as the detections write them: one stream per alert, keyed by its id.</summary>
public static class Alerts
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public static AlertRaised Raised(Guid? id = null, string principal = "arn:aws:iam::123456789012:root", params string[] eventIds) => new(
        AlertId: id ?? Guid.NewGuid(),
        RuleId: "root-console-signin",
        Title: "Root console sign-in",
        Severity: Severity.High,
        Cis: ["5.3"],
        Mitre: ["T1078.004"],
        Principal: principal,
        AccountId: "123456789012",
        FirstSeen: T0,
        LastSeen: T0,
        EventIds: eventIds.Length > 0 ? eventIds : [$"ev-{Guid.NewGuid():N}"],
        Explanation: "The root user signed in to the console <without> an AWS service acting for it & from 203.0.113.9.",
        RaisedAt: T0.AddSeconds(1));

    public static AlertUpdated Updated(Guid id, int count, int minutesLater, params string[] newEventIds) => new(
        AlertId: id,
        LastSeen: T0.AddMinutes(minutesLater),
        Count: count,
        NewEventIds: newEventIds,
        Explanation: null,
        UpdatedAt: T0.AddMinutes(minutesLater).AddSeconds(1));

    public static async Task AppendAsync(IDocumentStore store, Guid alertId, params object[] events)
    {
        await using var session = store.LightweightSession();
        session.Events.Append(alertId.ToString(), events);
        await session.SaveChangesAsync();
    }
}
