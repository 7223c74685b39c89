using ActivityWatch.Monitoring.Alerts.Suppressions;
using ActivityWatch.Monitoring.Detections.Evaluation;
using Marten;

namespace ActivityWatch.Monitoring.Alerts;

/// <summary>The documents the detections and alerts keep (called from StoreConfiguration).</summary>
public static class AlertDocuments
{
    public static void Register(StoreOptions options)
    {
        options.Events.AddEventTypes([
            typeof(AlertRaised), typeof(AlertUpdated), typeof(AlertAcknowledged), typeof(AlertResolved),
            typeof(AlertSuppressed), typeof(AlertReopened), typeof(AlertAssigned), typeof(AlertNoteAdded),
        ]);
        // The raiser's lookup is "alerts of this rule and principal, newest first"; lists filter on status.
        options.Schema.For<Alert>().Identity(a => a.Id)
            .Index(a => a.RuleId)
            .Index(a => a.Principal)
            .Index(a => a.LastSeen)
            .Index(a => a.Status);
        options.Schema.For<SuppressionRule>().Identity(s => s.Id);
        options.Schema.For<DetectionWindow>().Identity(w => w.Id);
        options.Schema.For<TrailBucketRegistry>().Identity(r => r.Id);
    }
}
