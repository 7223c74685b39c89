using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Timeline;
using ActivityWatch.Testing;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Monitoring.Tests.Timeline;

/// <summary>Each timeline filter, over one small realistic dataset ingested once for the class.</summary>
public sealed class TimelineFilterTests(TimelineFilterTests.Dataset data) : IClassFixture<TimelineFilterTests.Dataset>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Principal_FindsAssumedRoleSessionsUnderTheRoleArn_NewestFirst()
    {
        var entries = await Search(new TimelineFilter { Principal = "arn:aws:iam::123456789012:role/Deployer" });

        Assert.Equal(["RunInstances", "DescribeInstances"], entries.Select(e => e.EventName));
        Assert.All(entries, e => Assert.Equal("ci-run-42", e.SessionName));
        Assert.Equal(IdentityTypes.AssumedRole, entries[0].IdentityType);
    }

    [Fact]
    public async Task AccessKey_FindsEveryCallMadeWithTheKey()
    {
        var entries = await Search(new TimelineFilter { AccessKeyId = "AKIALEAKEDKEY0000001" });

        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("arn:aws:iam::123456789012:user/bob", e.Principal));
    }

    [Fact]
    public async Task Ip_FindsCallsFromTheAddress_AcrossSources()
    {
        var entries = await Search(new TimelineFilter { SourceIp = "203.0.113.9" });

        Assert.Equal([LogSources.S3Access, LogSources.CloudTrail, LogSources.CloudTrail], entries.Select(e => e.Source));
    }

    [Fact]
    public async Task EventName_AndSource_Filter()
    {
        Assert.Single(await Search(new TimelineFilter { EventName = "ListUsers" }));
        var s3 = await Search(new TimelineFilter { Source = LogSources.S3Access });
        Assert.Equal("REST.GET.OBJECT", Assert.Single(s3).EventName);
    }

    [Fact]
    public async Task SinceAndUntil_AreInclusiveAndExclusive()
    {
        var entries = await Search(new TimelineFilter { Since = T0.AddMinutes(1), Until = T0.AddMinutes(3) });

        Assert.Equal([T0.AddMinutes(2), T0.AddMinutes(1)], entries.Select(e => e.EventTime));
    }

    [Fact]
    public async Task ErrorsOnly_ReturnsOnlyFailedCalls()
    {
        var entries = await Search(new TimelineFilter { ErrorsOnly = true });

        Assert.Equal("AccessDenied", Assert.Single(entries).ErrorCode);
    }

    [Fact]
    public async Task Limit_AndCursor_PageThroughInStableOrder()
    {
        var all = await Search(new TimelineFilter { Limit = 100 });
        var first = await Search(new TimelineFilter { Limit = 3 });
        var second = await Search(new TimelineFilter { Limit = 3, After = first[^1].Cursor });

        Assert.Equal(all.Take(6).Select(e => e.StoredEventId), first.Concat(second).Select(e => e.StoredEventId));
    }

    [Fact]
    public async Task Raw_ReturnsTheRecordAsLogged()
    {
        var entry = Assert.Single(await Search(new TimelineFilter { EventName = "ListUsers", IncludeRaw = true }));

        Assert.Equal("ListUsers", entry.Raw!.Value.GetProperty("eventName").GetString());
        Assert.Equal("AKIALEAKEDKEY0000001", entry.Raw.Value.GetProperty("userIdentity").GetProperty("accessKeyId").GetString());
    }

    [Fact]
    public async Task Mfa_IsTrueFalseOrUnknown()
    {
        var entries = await Search(new TimelineFilter { Limit = 100 });

        Assert.Contains(entries, e => e.Mfa == true);
        Assert.Contains(entries, e => e.Mfa == false);
        Assert.Contains(entries, e => e.Mfa is null);
    }

    private Task<IReadOnlyList<TimelineEntry>> Search(TimelineFilter filter) =>
        data.Host.Get<TimelineQueries>().SearchAsync(filter, CancellationToken.None);

    public sealed class Dataset : IAsyncLifetime
    {
        public TestHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await TestHost.StartAsync(nameof(TimelineFilterTests));
            await Host.IngestCloudTrailAsync(
                CloudTrailRecords.AssumedRoleCall("DescribeInstances", time: T0),
                CloudTrailRecords.AssumedRoleCall("RunInstances", time: T0.AddMinutes(1)),
                CloudTrailRecords.IamUserCall("ListUsers", "bob", "iam.amazonaws.com", T0.AddMinutes(2), "203.0.113.9", "AKIALEAKEDKEY0000001", mfa: false),
                CloudTrailRecords.IamUserCall("GetUser", "bob", "iam.amazonaws.com", T0.AddMinutes(3), "203.0.113.9", "AKIALEAKEDKEY0000001", mfa: null, errorCode: "AccessDenied"),
                CloudTrailRecords.ConsoleLogin("carol", mfaUsed: "Yes", time: T0.AddMinutes(4)));
            await Host.IngestAsync("memory://timeline/access.log", S3AccessLines.Line(remoteIp: "203.0.113.9", time: "02/Nov/2026:08:05:00 +0000") + "\n");
        }

        public Task DisposeAsync() => Host.DisposeAsync().AsTask();
    }
}
