using ActivityWatch.Ingestion.Aws.Sqs;
using ActivityWatch.Ingestion.Aws.Status;
using ActivityWatch.Monitoring.Checkpoints;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Timeline;
using Marten;

namespace ActivityWatch.Ingestion.Tests.Aws;

public sealed class SqsNotificationTests
{
    private const string Account = "111122223333";

    private static async Task<int> DrainAsync(AwsTestBed bed)
    {
        var consumer = bed.Host.Get<QueueConsumer>();
        var total = 0;
        int received;
        do total += received = await consumer.ReceiveOnceAsync(bed.QueueUrl, 1, CancellationToken.None);
        while (received > 0);
        return total;
    }

    private static async Task<(string Key, string ETag, long Size)> PutTrailFileAsync(AwsTestBed bed, string unique, int records, string? key = null)
    {
        var content = TestLogs.TrailFile(Account, "us-east-1", TestLogs.Start, records, unique);
        key ??= TestLogs.TrailKey(Account, "us-east-1", TestLogs.Start, unique);
        var eTag = await bed.PutAsync(key, content);
        return (key, eTag, content.Length);
    }

    [Fact]
    public async Task S3Notification_Direct_IngestsTheObjectAndDeletesTheMessage()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(S3Notification_Direct_IngestsTheObjectAndDeletesTheMessage));
        var (key, eTag, size) = await PutTrailFileAsync(bed, "direct", 4);

        await bed.SendAsync(AwsTestBed.S3EventMessage(bed.Bucket, key, eTag, size));
        await DrainAsync(bed);

        Assert.Equal(4, await bed.TimelineCountAsync());
        Assert.Equal(0, await bed.ApproximateMessagesAsync(bed.QueueUrl));
        Assert.Equal(0, await bed.ApproximateMessagesAsync(bed.DeadLetterUrl));
    }

    [Fact]
    public async Task S3Notification_WrappedBySns_IngestsTheObject()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(S3Notification_WrappedBySns_IngestsTheObject));
        var (key, eTag, size) = await PutTrailFileAsync(bed, "sns", 3);

        await bed.SendAsync(AwsTestBed.SnsEnvelope(AwsTestBed.S3EventMessage(bed.Bucket, key, eTag, size)));
        await DrainAsync(bed);

        Assert.Equal(3, await bed.TimelineCountAsync());
        Assert.Equal(0, await bed.ApproximateMessagesAsync(bed.QueueUrl));
    }

    [Fact]
    public async Task S3Notification_KeyWithSpaceAndPlus_IsUrlDecodedBeforeDownload()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(S3Notification_KeyWithSpaceAndPlus_IsUrlDecodedBeforeDownload));
        var (key, eTag, size) = await PutTrailFileAsync(bed, "space", 2, key: "exports/my trail+copy (1).json.gz");

        await bed.SendAsync(AwsTestBed.S3EventMessage(bed.Bucket, key, eTag, size));
        await DrainAsync(bed);

        Assert.Equal(2, await bed.TimelineCountAsync());
        var status = await bed.Host.Get<SourceStatusQueries>().ListAsync(CancellationToken.None);
        Assert.Empty(status.Single(s => s.Source == bed.QueueUrl).Errors);
    }

    [Fact]
    public async Task S3TestEvent_IsAcknowledgedAndIgnored()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(S3TestEvent_IsAcknowledgedAndIgnored));

        await bed.SendAsync($$"""{"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2026-11-02T09:00:00.000Z","Bucket":"{{bed.Bucket}}","RequestId":"5582815E1AEA5ADF","HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE"}""");
        await DrainAsync(bed);

        Assert.Equal(0, await bed.ApproximateMessagesAsync(bed.QueueUrl));
        Assert.Equal(0, await bed.ApproximateMessagesAsync(bed.DeadLetterUrl));
        Assert.Equal(0, await bed.TimelineCountAsync());
    }

    [Fact]
    public async Task DuplicateNotifications_StoreTheRecordsOnce()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(DuplicateNotifications_StoreTheRecordsOnce));
        var (key, eTag, size) = await PutTrailFileAsync(bed, "dup", 5);
        var message = AwsTestBed.S3EventMessage(bed.Bucket, key, eTag, size);

        await bed.SendAsync(message);
        await bed.SendAsync(message);
        await bed.SendAsync(AwsTestBed.SnsEnvelope(message));
        var received = await DrainAsync(bed);

        Assert.Equal(3, received);
        Assert.Equal(5, await bed.TimelineCountAsync());
        Assert.Equal(0, await bed.ApproximateMessagesAsync(bed.QueueUrl));
    }

    [Fact]
    public async Task EventBridgeCloudTrailEvent_AppearsInTheTimeline_MarkedWithItsSourceAndQueue()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(EventBridgeCloudTrailEvent_AppearsInTheTimeline_MarkedWithItsSourceAndQueue));
        var record = TestLogs.Record(Account, "us-east-1", TestLogs.Start, "eb-0001", eventName: "ConsoleLogin");

        var sent = await bed.Sqs.SendMessageAsync(bed.QueueUrl, EventBridgeEnvelope(record));
        await DrainAsync(bed);

        var entry = Assert.Single(await bed.Host.Get<TimelineQueries>().SearchAsync(new TimelineFilter { IncludeRaw = true }, CancellationToken.None));
        Assert.Equal("ConsoleLogin", entry.EventName);
        Assert.Equal(LogSources.CloudTrailViaEventBridge, entry.Source);
        Assert.Equal($"{bed.QueueUrl}#{sent.MessageId}", entry.SourceObject);
        // The raw view is the CloudTrail record itself, as for records read from the trail.
        Assert.Equal("eb-0001", entry.Raw!.Value.GetProperty("eventID").GetString());
        Assert.Equal(0, await bed.ApproximateMessagesAsync(bed.QueueUrl));
    }

    [Fact]
    public async Task SameEventId_ViaEventBridgeThenInTheTrailFile_IsStoredOnce_TheFirstCopyKept()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(SameEventId_ViaEventBridgeThenInTheTrailFile_IsStoredOnce_TheFirstCopyKept));
        var record = TestLogs.Record(Account, "us-east-1", TestLogs.Start, "both-000000");
        await bed.SendAsync(EventBridgeEnvelope(record));
        await DrainAsync(bed);

        // Minutes later CloudTrail delivers the file holding the same record (and two more).
        var (key, eTag, size) = await PutTrailFileAsync(bed, "both", 3);
        await bed.SendAsync(AwsTestBed.S3EventMessage(bed.Bucket, key, eTag, size));
        await DrainAsync(bed);

        Assert.Equal(3, await bed.TimelineCountAsync());
        Assert.Equal(1L, await bed.Host.SqlAsync("SELECT count(*) FROM {schema}.aw_timeline WHERE record_id = 'both-000000'"));
        Assert.Equal(LogSources.CloudTrailViaEventBridge, await bed.Host.SqlAsync("SELECT source FROM {schema}.aw_timeline WHERE record_id = 'both-000000'"));
        Assert.Equal(LogSources.CloudTrail, await bed.Host.SqlAsync("SELECT source FROM {schema}.aw_timeline WHERE record_id = 'both-000001'"));
        var checkpoint = await bed.Host.Store.QuerySession().LoadAsync<SourceCheckpoint>($"s3://{bed.Bucket}/{key}");
        Assert.Equal(1, checkpoint!.Duplicates);
        Assert.Equal(2, checkpoint.Ingested);
    }

    private static string EventBridgeEnvelope(string record) =>
        $$"""{"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"AWS API Call via CloudTrail","source":"aws.s3","account":"{{Account}}","time":"2026-11-02T09:00:00Z","region":"us-east-1","resources":[],"detail":{{record}}}""";
}
