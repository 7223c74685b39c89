using ActivityWatch.Anomalies.Feedback;
using ActivityWatch.Anomalies.Live;
using ActivityWatch.Anomalies.Profiles;
using ActivityWatch.Anomalies.Tests.Support;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Alerts.Lifecycle;
using ActivityWatch.Testing;
using Marten;

namespace ActivityWatch.Anomalies.Tests.Live;

/// <summary>The live scorer under the async daemon, on the real PostgreSQL.</summary>
public class LiveScoringTests(TrainedOnSimulation model) : IClassFixture<TrainedOnSimulation>
{
    [Fact]
    public async Task AttackAfterAMonthOfHabit_RaisesAnUnusualActivityAlert_WithItsReasons()
    {
        var dir = Directory.CreateTempSubdirectory("aw-live-").FullName;
        var zip = model.Trained.Save(dir);
        try
        {
            await using var host = await TestHost.StartAsync(nameof(LiveScoringTests), settings: new Dictionary<string, string?>
            {
                ["ActivityWatch:Anomaly:ModelPath"] = zip,
            });
            var history = Activity.OfficeWeeks().Select(Activity.AsCloudTrail).ToArray();
            await host.IngestCloudTrailAsync(history);
            var night = Activity.Monday.AddDays(15).AddHours(3).AddMinutes(10);

            await host.IngestCloudTrailAsync(Activity.AsCloudTrail(Activity.Call(night, "iam", "CreateAccessKey", Activity.AttackerIp, Activity.KaliAgent)));

            await using var session = host.Store.QuerySession();
            var alerts = await session.Query<Alert>().Where(a => a.RuleId == UnusualActivityHit.RuleId).ToListAsync();
            var alert = Assert.Single(alerts);
            Assert.Equal(Activity.Alice, alert.Principal);
            Assert.Equal(night, alert.FirstSeen);
            Assert.Contains("first", alert.Explanation);
            var profile = await session.LoadAsync<PrincipalProfile>(Activity.Alice);
            Assert.Equal(history.Length + 1, profile!.Events);

            // The analyst calls it a false positive: the live scorer reads the AlertSuppressed event
            // and keeps the pattern as feedback, so it never alerts again.
            var (_, decision) = await host.Get<AlertLifecycle>().HandleAsync(new SuppressAlert(alert.AlertId, "analyst@example.com", "pen test"), CancellationToken.None);
            Assert.True(decision.Accepted);
            await host.WaitForProjectionsAsync();
            await using var after = host.Store.QuerySession();
            var feedback = Assert.Single(await after.Query<AnomalyFeedback>().ToListAsync());
            Assert.Equal((Activity.Alice, alert.AlertId, "analyst@example.com"), (feedback.Principal, feedback.AlertId, feedback.By));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
