using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Alerts.Suppressions;
using ActivityWatch.Testing;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Alerts;

[Collection(AlertsDatabaseCollection.Name)]
public class SuppressionTests
{
    [Fact]
    public async Task BreakGlassSignIn_FromKnownNetwork_IsRaisedSuppressed()
    {
        await using var host = await TestHost.StartAsync(nameof(BreakGlassSignIn_FromKnownNetwork_IsRaisedSuppressed));
        var rule = await host.Get<SuppressionRules>().AddAsync("root.console-signin", $"arn:aws:iam::{Account}:root", "203.0.113.0/24",
            "Quarterly break-glass drill from the SOC", "soc-lead", CancellationToken.None);

        await host.IngestAndSettleAsync(ConsoleLogin(Root(), mfaUsed: "Yes", sourceIp: "203.0.113.40"));

        var alert = Assert.Single(await host.AlertsAsync("root.console-signin"));
        Assert.Equal(AlertStatus.Suppressed, alert.Status);
        Assert.Equal(rule.Id, alert.SuppressedBy);
        Assert.Contains(alert.History, h => h.Action == "suppressed" && h.By == $"suppression:{rule.Id}");
        Assert.Empty(await host.Get<AlertQueries>().ListAsync(activeOnly: true, "root.console-signin", null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task SignIn_FromOutsideTheSuppressedNetwork_RaisesItsOwnOpenAlert()
    {
        await using var host = await TestHost.StartAsync(nameof(SignIn_FromOutsideTheSuppressedNetwork_RaisesItsOwnOpenAlert));
        await host.Get<SuppressionRules>().AddAsync("root.console-signin", null, "203.0.113.0/24", "break-glass", "soc-lead", CancellationToken.None);

        await host.IngestAndSettleAsync(
            ConsoleLogin(Root(), mfaUsed: "Yes", sourceIp: "203.0.113.40", time: Monday),
            ConsoleLogin(Root(), mfaUsed: "Yes", sourceIp: "192.0.2.66", time: Monday.AddMinutes(5)));

        var alerts = await host.AlertsAsync("root.console-signin");
        Assert.Equal(2, alerts.Count);
        Assert.Single(alerts, a => a.Status == AlertStatus.Suppressed);
        Assert.Single(alerts, a => a.Status == AlertStatus.Open && a.SuppressedBy is null);
    }

    [Fact]
    public async Task SuppressionRules_AreListedAndRemoved()
    {
        await using var host = await TestHost.StartAsync(nameof(SuppressionRules_AreListedAndRemoved));
        var rules = host.Get<SuppressionRules>();
        var added = await rules.AddAsync("*", "arn:aws:iam::123456789012:role/scanner", null, "vulnerability scanner", "soc", CancellationToken.None);

        Assert.Single(await rules.ListAsync(CancellationToken.None));
        Assert.True(await rules.RemoveAsync(added.Id, CancellationToken.None));
        Assert.Empty(await rules.ListAsync(CancellationToken.None));
        Assert.False(await rules.RemoveAsync(added.Id, CancellationToken.None));
    }

    [Fact]
    public async Task SuppressionRule_WithABadNetwork_IsRefused()
    {
        await using var host = await TestHost.StartAsync(nameof(SuppressionRule_WithABadNetwork_IsRefused));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            host.Get<SuppressionRules>().AddAsync("root.console-signin", null, "not-a-network", "x", "soc", CancellationToken.None));
    }
}
