using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Detections.Evaluation;
using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Monitoring.Tests.Alerts;
using ActivityWatch.Testing;
using Marten;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.LivePath;

[Collection(AlertsDatabaseCollection.Name)]
public sealed class ProjectionFailureTests
{
    [Fact]
    public async Task AMemberThatThrowsOnARecord_RecordsTheFailure_AndEveryOtherMemberAndRecordGoesOn()
    {
        // Given a live path with one more member that cannot cope with eventName "Poison"
        await using var host = await TestHost.StartAsync(nameof(AMemberThatThrowsOnARecord_RecordsTheFailure_AndEveryOtherMemberAndRecordGoesOn),
            configure: builder => builder.Services.ConfigureMarten(options =>
                options.Projections.CompositeProjectionFor(MonitoringProjections.ActivityViews, views => views.Add(new Fragile()))));
        var poison = Guid.NewGuid().ToString();

        // When a file holds the poison between ordinary records and a root sign-in
        await host.IngestCloudTrailAsync(
            Call(IamUser(), "ListBuckets", "s3.amazonaws.com"),
            Call(IamUser(), "Poison", "s3.amazonaws.com", eventId: poison),
            Call(IamUser(), "ListBuckets", "s3.amazonaws.com"),
            ConsoleLogin(Root(), mfaUsed: "No"));
        await host.WaitForProjectionsAsync();

        // Then the failure is recorded against that member and that record only
        await using var session = host.Store.QuerySession();
        var failure = Assert.Single(await session.Query<ProjectionFailure>().ToListAsync());
        Assert.Equal(nameof(Fragile), failure.Member);
        Assert.Equal(Recording.EventIds.FromRecordKey($"cloudtrail:{Account}:{poison}"), failure.EventId);
        Assert.Contains("cannot cope", failure.Message);
        // and the member folded every other record, the other members folded the poison too, and the rules ran on
        Assert.Equal(3, (await session.LoadAsync<Tally>(nameof(Fragile)))!.Records);
        var uses = await host.Get<PermissionUseQueries>().ForPrincipalAsync($"arn:aws:iam::{Account}:user/alice", null, null, CancellationToken.None);
        Assert.Contains(uses, u => u.Action == "s3:Poison");
        Assert.Equal(2, uses.Single(u => u.Action == "s3:ListAllMyBuckets").Calls);
        Assert.Single(await host.AlertsAsync("root.console-signin"));
        var verification = await host.Get<ViewVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(verification.Clean);
        Assert.Equal(1, verification.ProjectionFailureCount);
    }

    [Fact]
    public void ARuleThatThrows_IsReported_AndTheOtherRulesStillJudgeTheRecord()
    {
        var broken = new DetectionRule { Id = "test.broken", Title = "t", Severity = "high", BestPractice = "b", Match = (_, _) => throw new InvalidOperationException("odd shape") };
        var working = new DetectionRule { Id = "test.working", Title = "t", Severity = "high", BestPractice = "b", Match = (_, _) => "matched" };
        var failed = new List<string>();

        var matches = new RuleEvaluator([broken, working]).Evaluate(Record(), new DetectionContext(new DetectionOptions()), (rule, _) => failed.Add(rule.Id));

        Assert.Equal("test.working", Assert.Single(matches).Rule.Id);
        Assert.Equal(["test.broken"], failed);
    }

    private static ActivityRecorded Record() => new()
    {
        Source = LogSources.CloudTrail, RecordKey = "k", EventTime = Monday, Principal = "p", IdentityType = IdentityTypes.IamUser, SourceObject = "o",
    };

    public sealed class Tally
    {
        public string Id { get; set; } = "";
        public int Records { get; set; }
    }

    private sealed class Fragile() : DocumentFold<Tally>(TimeProvider.System)
    {
        public override string Member => nameof(Fragile);

        protected override IEnumerable<ViewChange<Tally>> Changes(ActivityRecorded record)
        {
            if (record.EventName == "Poison") throw new InvalidOperationException("this view cannot cope with poison");
            yield return new ViewChange<Tally>(nameof(Fragile), view => view.Records++);
        }

        protected override Tally Create(string id) => new() { Id = id };

        protected override string IdOf(Tally view) => view.Id;
    }
}
