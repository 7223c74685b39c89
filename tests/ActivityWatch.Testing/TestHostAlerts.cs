using ActivityWatch.Monitoring.Alerts;

namespace ActivityWatch.Testing;

/// <summary>Alert shortcuts over a TestHost, for the alert, rule and report tests of every project.</summary>
public static class TestHostAlerts
{
    public static Task<IReadOnlyList<Alert>> AlertsAsync(this TestHost host, string? ruleId = null) =>
        host.Get<AlertQueries>().ListAsync(activeOnly: false, ruleId, null, 1000, CancellationToken.None);

    /// <summary>Ingests, then waits again: the detections append alert events after the records.</summary>
    public static async Task IngestAndSettleAsync(this TestHost host, params string[] records)
    {
        await host.IngestCloudTrailAsync(records);
        await host.WaitForProjectionsAsync();
    }
}
