using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Api.Tests;

/// <summary>The queue is worked most severe first, then newest first; sort=recent is newest first whatever the severity.</summary>
public class AlertQueueOrderTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task DefaultOrder_MostSevereFirst_ThenNewest_AndSortRecentIsNewestFirst()
    {
        var at = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        await server.IngestAsync(
            CloudTrailRecords.AssumedRoleCall("AuthorizeSecurityGroupIngress", time: at.AddHours(5)),
            CloudTrailRecords.ConsoleLogin("dora", mfaUsed: "No", time: at.AddHours(4)),
            CloudTrailRecords.RootCall("ListUsers", time: at.AddHours(1)),
            CloudTrailRecords.AssumedRoleCall("StopLogging", eventSource: "cloudtrail.amazonaws.com", time: at));
        using var client = server.Client(AnalystRoles.Viewer);
        System.Text.Json.JsonElement queue = default;
        for (var attempt = 0; attempt < 240 && (queue.ValueKind != System.Text.Json.JsonValueKind.Array || queue.GetArrayLength() < 4); attempt++)
        {
            await Task.Delay(250);
            queue = await client.GetJsonAsync("/api/alerts");
        }

        var bySeverity = queue.EnumerateArray().Select(a => (Severity: a.GetProperty("severity").GetString()!, Last: a.GetProperty("lastSeen").GetDateTimeOffset())).ToList();
        Assert.Equal(["critical", "high", "medium", "low"], bySeverity.Select(a => a.Severity).Distinct());
        Assert.Equal(bySeverity.OrderByDescending(a => Severity.Rank(a.Severity)).ThenByDescending(a => a.Last), bySeverity);

        var recent = (await client.GetJsonAsync("/api/alerts?sort=recent")).EnumerateArray().Select(a => a.GetProperty("lastSeen").GetDateTimeOffset()).ToList();
        Assert.Equal(recent.OrderDescending(), recent);
        Assert.Equal(at.AddHours(5), recent[0]);
    }
}
