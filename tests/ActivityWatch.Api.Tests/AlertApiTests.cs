using System.Net;
using System.Net.Http.Json;
using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Api.Tests;

public class AlertApiTests(ApiServer server) : IClassFixture<ApiServer>
{
    /// <summary>A console sign-in without MFA by a user of the test's own: a new alert for that principal.</summary>
    private async Task<string> RaiseAlertAsync(string user, string? record = null)
    {
        await server.IngestAsync(record ?? CloudTrailRecords.ConsoleLogin(userName: user, mfaUsed: "No", time: DateTimeOffset.UtcNow.AddMinutes(-3)));
        var principal = user == "root" ? $"arn:aws:iam::{CloudTrailRecords.Account}:root" : $"arn:aws:iam::{CloudTrailRecords.Account}:user/{user}";
        using var viewer = server.Client(AnalystRoles.Viewer);
        // Detections run in the async daemon: the alert follows the ingest by a moment.
        for (var attempt = 0; attempt < 240; attempt++)
        {
            var alerts = await viewer.GetJsonAsync("/api/alerts?status=all&principal=" + Uri.EscapeDataString(principal));
            if (alerts.GetArrayLength() > 0) return alerts[0].GetProperty("alertId").GetString()!;
            await Task.Delay(250);
        }
        throw new TimeoutException($"no alert for {principal}");
    }

    [Fact]
    public async Task RootCall_RaisesAnAlertWithItsEvidence()
    {
        var id = await RaiseAlertAsync("root", CloudTrailRecords.RootCall("ListUsers", time: DateTimeOffset.UtcNow.AddMinutes(-3)));
        using var viewer = server.Client(AnalystRoles.Viewer);

        var detail = await viewer.GetJsonAsync($"/api/alerts/{id}");

        Assert.Equal("root.api-call", detail.GetProperty("alert").GetProperty("ruleId").GetString());
        var evidence = Assert.Single(detail.GetProperty("evidence").EnumerateArray());
        Assert.Equal("ListUsers", evidence.GetProperty("raw").GetProperty("eventName").GetString());
        Assert.Equal("root.api-call", detail.GetProperty("rule").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Acknowledge_ByResponder_ChangesStatusAndIsAudited_AndTwiceIsAConflict()
    {
        var id = await RaiseAlertAsync("bob");
        using var responder = server.Client(AnalystRoles.Responder);

        using var first = await responder.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { note = "on it" });
        using var second = await responder.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { note = "again" });
        using var admin = server.Client(AnalystRoles.Admin);
        var audit = await admin.GetJsonAsync("/api/audit");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Acknowledged", (await first.ReadAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "alert.acknowledge"
                                                      && e.GetProperty("target").GetString() == $"alert/{id}"
                                                      && e.GetProperty("actor").GetString() == server.Actors[AnalystRoles.Responder]
                                                      && e.GetProperty("actorName").GetString() == "test-responder");
    }

    [Fact]
    public async Task AssignAndNote_AreKeptInTheHistory()
    {
        var id = await RaiseAlertAsync("carol");
        using var responder = server.Client(AnalystRoles.Responder);

        await responder.PostAsJsonAsync($"/api/alerts/{id}/assign", new { assignee = "dana" });
        using var noted = await responder.PostAsJsonAsync($"/api/alerts/{id}/notes", new { note = "break-glass drill" });

        var alert = await noted.ReadAsync();
        Assert.Equal("dana", alert.GetProperty("assignee").GetString());
        Assert.Contains(alert.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == "note");
    }

    [Fact]
    public async Task LiveStream_SendsANewAlertRaisedAfterConnecting()
    {
        using var client = server.Client(AnalystRoles.Viewer);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/alerts/stream");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("event: ready", await reader.ReadLineAsync());

        await server.IngestAsync(CloudTrailRecords.ConsoleLogin(userName: "erin", mfaUsed: "No", time: DateTimeOffset.UtcNow));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        string? line;
        while ((line = await reader.ReadLineAsync(timeout.Token)) is not null && !line.StartsWith("data: {", StringComparison.Ordinal))
        {
        }
        Assert.NotNull(line);
        Assert.Contains("\"kind\":\"alert_raised\"", line);
        Assert.Contains("user/erin", line);
    }
}
