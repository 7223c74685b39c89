using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;

namespace ActivityWatch.Monitoring.Tests.Alerts;

/// <summary>Shortcuts over a TestHost for alert tests.</summary>
public static class AlertsHost
{
    public static Task<TestHost> StartAsync(string name, DaemonRole daemon = DaemonRole.Solo, IDictionary<string, string?>? settings = null) =>
        TestHost.StartAsync(name, daemon, settings);

    public static Task<IReadOnlyList<Alert>> AlertsAsync(this TestHost host, string? ruleId = null) =>
        host.Get<AlertQueries>().ListAsync(activeOnly: false, ruleId, null, 1000, CancellationToken.None);

    /// <summary>Ingests and waits twice: the subscription's alert events are appended after the records.</summary>
    public static async Task IngestAndSettleAsync(this TestHost host, params string[] records)
    {
        await host.IngestCloudTrailAsync(records);
        await host.WaitForProjectionsAsync();
    }
}
