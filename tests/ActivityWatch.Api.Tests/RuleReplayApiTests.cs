using System.Net;
using System.Net.Http.Json;
using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Api.Tests;

/// <summary>Retro-hunt through the API: a rule over stored records, no re-ingest.</summary>
public class RuleReplayApiTests(ApiServer server) : IClassFixture<ApiServer>
{
    private static readonly DateTimeOffset At = new(2026, 10, 1, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Replay_ByResponder_FindsTheStoredRecord_RaisesNothingTwice_AndIsAudited()
    {
        await server.IngestAsync(CloudTrailRecords.IamUserCall("DeleteFlowLogs", userName: "replay-user", eventSource: "ec2.amazonaws.com", time: At));
        await server.WaitForProjectionsAsync();
        using var responder = server.Client(AnalystRoles.Responder);
        var window = new { since = At.AddMinutes(-1), until = At.AddMinutes(1) };

        using var first = await responder.PostAsJsonAsync("/api/rules/ec2.flow-logs-deleted/replay", window);
        using var second = await responder.PostAsJsonAsync("/api/rules/ec2.flow-logs-deleted/replay", window);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var summary = await first.Content.ReadFromJsonAsync<Summary>();
        Assert.Equal((1L, 1), (summary!.Records, summary.Hits));
        var again = await second.Content.ReadFromJsonAsync<Summary>();
        Assert.Equal(0, again!.Raised);
        using var viewer = server.Client(AnalystRoles.Viewer);
        var alerts = await viewer.GetJsonAsync("/api/alerts?status=all&principal=" + Uri.EscapeDataString($"arn:aws:iam::{CloudTrailRecords.Account}:user/replay-user"));
        Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "ec2.flow-logs-deleted");
        using var admin = server.Client(AnalystRoles.Admin);
        var audit = await admin.GetJsonAsync("/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "rule.replay"
                                                     && e.GetProperty("target").GetString() == "rule/ec2.flow-logs-deleted");
    }

    [Fact]
    public async Task Replay_NeedsAResponder_AKnownRule_AndAnOrderedWindow()
    {
        using var viewer = server.Client(AnalystRoles.Viewer);
        using var responder = server.Client(AnalystRoles.Responder);

        using var forbidden = await viewer.PostAsJsonAsync("/api/rules/ec2.flow-logs-deleted/replay", new { });
        using var unknown = await responder.PostAsJsonAsync("/api/rules/no.such-rule/replay", new { });
        using var backwards = await responder.PostAsJsonAsync("/api/rules/ec2.flow-logs-deleted/replay", new { since = At, until = At.AddDays(-1) });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }

    private sealed record Summary(string RuleId, long Records, int Hits, int Raised, int Updated);
}
