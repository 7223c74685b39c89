using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Alerts.Raising;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Testing;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Alerts;

[Collection(AlertsDatabaseCollection.Name)]
public class AlertRaiserTests
{
    private static DetectionHit MlHit(string eventId, DateTimeOffset time) => new()
    {
        RuleId = "ml.unusual-activity",
        Title = "Unusual activity for this principal",
        Severity = Severity.Medium,
        Principal = $"arn:aws:iam::{Account}:user/alice",
        AccountId = Account,
        EventIds = [eventId],
        FirstSeen = time,
        LastSeen = time,
        Explanation = "Score 0.97: first use of iam:CreateUser from this network.",
    };

    [Fact]
    public async Task HitFromAnotherModule_RaisesThenUpdatesTheSameAlert()
    {
        await using var host = await TestHost.StartAsync(nameof(HitFromAnotherModule_RaisesThenUpdatesTheSameAlert));
        var raiser = host.Get<AlertRaiser>();

        await using (var session = host.Store.LightweightSession())
        {
            var first = await raiser.RaiseOrUpdateAsync(session, MlHit("e-1", Monday));
            Assert.True(first!.Raised);
            await session.SaveChangesAsync();
        }
        await using (var session = host.Store.LightweightSession())
        {
            var second = await raiser.RaiseOrUpdateAsync(session, MlHit("e-2", Monday.AddMinutes(5)));
            Assert.False(second!.Raised);
            await session.SaveChangesAsync();
        }

        var alert = Assert.Single(await host.AlertsAsync("ml.unusual-activity"));
        Assert.Equal(["e-1", "e-2"], alert.EventIds);
        Assert.Equal(2, alert.Count);
    }

    [Fact]
    public async Task SameHitTwice_AddsNothingTheSecondTime()
    {
        await using var host = await TestHost.StartAsync(nameof(SameHitTwice_AddsNothingTheSecondTime));
        var raiser = host.Get<AlertRaiser>();
        for (var i = 0; i < 2; i++)
        {
            await using var session = host.Store.LightweightSession();
            var change = await raiser.RaiseOrUpdateAsync(session, MlHit("e-1", Monday));
            Assert.Equal(i == 0, change is not null);
            await session.SaveChangesAsync();
        }

        var alert = Assert.Single(await host.AlertsAsync("ml.unusual-activity"));
        Assert.Equal(1, alert.Count);
        var events = await host.Store.QuerySession().Events.FetchStreamAsync(alert.Id);
        Assert.Single(events);
    }

    [Fact]
    public void AlertIds_AreDeterministic()
    {
        Assert.Equal(AlertIds.For("root.api-call", "arn:aws:iam::1:root", "e-1"), AlertIds.For("root.api-call", "arn:aws:iam::1:root", "e-1"));
        Assert.NotEqual(AlertIds.For("root.api-call", "arn:aws:iam::1:root", "e-1"), AlertIds.For("root.api-call", "arn:aws:iam::1:root", "e-2"));
    }
}
