using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Testing;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Ingestion.Tests.Pipeline;

/// <summary>Records forwarded by EventBridge are marked as such, and the detections see them like records from the trail.</summary>
public sealed class EventBridgeDetectionTests
{
    [Fact]
    public async Task RootCallForwardedByEventBridge_RaisesTheRootAlert()
    {
        await using var host = await TestHost.StartAsync(nameof(RootCallForwardedByEventBridge_RaisesTheRootAlert));
        var record = CloudTrailRecords.RootCall("CreateUser", eventId: "eb-root-0001");
        var envelope = $$"""{"version":"0","id":"7bf73129-1428-4cd3-a780-95db273d1602","detail-type":"AWS API Call via CloudTrail","source":"aws.iam","account":"123456789012","time":"2026-11-02T09:00:00Z","region":"us-east-1","resources":[],"detail":{{record}}}""";

        await host.IngestAsync("memory://eventbridge/export.jsonl", envelope + "\n");
        await host.WaitForProjectionsAsync();

        Assert.Equal(LogSources.CloudTrailViaEventBridge, await host.SqlAsync("SELECT source FROM {schema}.aw_timeline"));
        var alert = Assert.Single(await host.AlertsAsync("root.api-call"));
        Assert.Contains("eb-root-0001", alert.EventIds);
    }
}
