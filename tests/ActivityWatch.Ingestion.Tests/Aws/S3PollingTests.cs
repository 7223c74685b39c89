using ActivityWatch.Ingestion.Aws.S3;
using ActivityWatch.Ingestion.Aws.Status;

namespace ActivityWatch.Ingestion.Tests.Aws;

public sealed class S3PollingTests
{
    private const string Account = "111122223333";
    private static readonly string[] Regions = ["us-east-1", "eu-west-1"];

    private static Dictionary<string, string?> Settings(string bucket, string window = "00:00:00") => new()
    {
        ["ActivityWatch:Sources:S3Prefixes:0"] = $"s3://{bucket}/AWSLogs/",
        ["ActivityWatch:Sources:LateArrivalWindow"] = window,
    };

    private static async Task PutMinutesAsync(AwsTestBed bed, int fromMinute, int count)
    {
        foreach (var region in Regions)
        {
            for (var m = fromMinute; m < fromMinute + count; m++)
            {
                var t = TestLogs.Start.AddMinutes(m);
                await bed.PutAsync(TestLogs.TrailKey(Account, region, t, $"u{m:D3}"), TestLogs.TrailFile(Account, region, t, 2, $"{region}-{m}"));
            }
        }
    }

    [Fact]
    public async Task Poll_AfterRestart_ListsOnlyKeysAfterTheCheckpoint()
    {
        var bucket = $"aw-poll-{Guid.NewGuid():N}"[..20];
        await using var first = await AwsTestBed.StartAsync(nameof(Poll_AfterRestart_ListsOnlyKeysAfterTheCheckpoint), Settings(bucket), bucket: bucket);
        await PutMinutesAsync(first, 0, 5);
        var source = $"s3://{bucket}/AWSLogs/";

        var initial = await first.Host.Get<S3PrefixPoller>().PollAsync(source, CancellationToken.None);
        await PutMinutesAsync(first, 30, 3);
        // A second process on the same database: nothing in memory, only the checkpoints in PostgreSQL.
        await using var restarted = await AwsTestBed.StartAsync("restart", Settings(bucket), schema: first.Host.Schema, bucket: bucket);
        var next = await restarted.Host.Get<S3PrefixPoller>().PollAsync(source, CancellationToken.None);

        Assert.Equal(2, initial.Partitions);
        Assert.Equal(10, initial.Objects);
        Assert.Equal(6, next.Objects);
        // StartAfter rewinds to the start of the last key's minute: that one file is listed again and skipped.
        Assert.Equal(8, next.Listed);
        Assert.Equal(2, next.Unchanged);
        Assert.Equal(32, await restarted.TimelineCountAsync());
    }

    [Fact]
    public async Task Poll_FileDeliveredLateInTheSameMinute_IsStillRead()
    {
        var bucket = $"aw-late-{Guid.NewGuid():N}"[..20];
        await using var bed = await AwsTestBed.StartAsync(nameof(Poll_FileDeliveredLateInTheSameMinute_IsStillRead), Settings(bucket, "00:15:00"), bucket: bucket);
        var t = TestLogs.Start;
        await bed.PutAsync(TestLogs.TrailKey(Account, "us-east-1", t, "zzzz"), TestLogs.TrailFile(Account, "us-east-1", t, 2, "first"));
        var poller = bed.Host.Get<S3PrefixPoller>();
        await poller.PollAsync($"s3://{bucket}/AWSLogs/", CancellationToken.None);

        // Same minute, a suffix that sorts before the last key done.
        await bed.PutAsync(TestLogs.TrailKey(Account, "us-east-1", t, "aaaa"), TestLogs.TrailFile(Account, "us-east-1", t, 3, "late"));
        var next = await poller.PollAsync($"s3://{bucket}/AWSLogs/", CancellationToken.None);

        Assert.Equal(1, next.Objects);
        Assert.Equal(5, await bed.TimelineCountAsync());
    }

    [Fact]
    public async Task Poll_TwoWatchersAtOnce_ReadEachObjectOnce()
    {
        var bucket = $"aw-two-{Guid.NewGuid():N}"[..20];
        await using var a = await AwsTestBed.StartAsync(nameof(Poll_TwoWatchersAtOnce_ReadEachObjectOnce), Settings(bucket), bucket: bucket);
        await using var b = await AwsTestBed.StartAsync("second", Settings(bucket), schema: a.Host.Schema, bucket: bucket);
        await PutMinutesAsync(a, 0, 12);
        var source = $"s3://{bucket}/AWSLogs/";

        var results = await Task.WhenAll(
            a.Host.Get<S3PrefixPoller>().PollAsync(source, CancellationToken.None),
            b.Host.Get<S3PrefixPoller>().PollAsync(source, CancellationToken.None));

        Assert.Equal(24, results.Sum(r => r.Objects));
        Assert.Equal(48, await a.TimelineCountAsync());
    }

    [Fact]
    public async Task Status_AfterPoll_ShowsCheckpointLagAndCounts()
    {
        var bucket = $"aw-stat-{Guid.NewGuid():N}"[..20];
        await using var bed = await AwsTestBed.StartAsync(nameof(Status_AfterPoll_ShowsCheckpointLagAndCounts), Settings(bucket), bucket: bucket);
        await PutMinutesAsync(bed, 0, 2);
        await bed.Host.Get<S3PrefixPoller>().PollAsync($"s3://{bucket}/AWSLogs/", CancellationToken.None);

        var status = (await bed.Host.Get<SourceStatusQueries>().ListAsync(CancellationToken.None)).Single(s => s.Source == $"s3://{bucket}/AWSLogs/");

        Assert.True(status.Configured);
        Assert.Equal(2, status.Partitions.Count);
        Assert.All(status.Partitions, p => Assert.Equal(Account, p.AccountId));
        Assert.Contains(status.Partitions, p => p.Region == "eu-west-1" && p.LastKey!.Contains("T0901Z"));
        Assert.Equal(4, status.Objects);
        Assert.Equal(8, status.Records);
        Assert.NotNull(status.Lag);
        Assert.Empty(status.Errors);
    }
}
