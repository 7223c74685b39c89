using ActivityWatch.Ingestion.Aws.Sqs;
using ActivityWatch.Ingestion.Aws.Status;

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
    public async Task EventBridgeCloudTrailEvent_AppearsInTheTimeline()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(EventBridgeCloudTrailEvent_AppearsInTheTimeline));
        var record = TestLogs.Record(Account, "us-east-1", TestLogs.Start, "eb-0001", eventName: "ConsoleLogin");
        var envelope = $$"""{"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"AWS Console Sign In via CloudTrail","source":"aws.signin","account":"{{Account}}","time":"2026-11-02T09:00:00Z","region":"us-east-1","resources":[],"detail":{{record}}}""";

        var sent = await bed.Sqs.SendMessageAsync(bed.QueueUrl, envelope);
        await DrainAsync(bed);

        Assert.Equal(1, await bed.TimelineCountAsync());
        await using var command = bed.Host.Get<Npgsql.NpgsqlDataSource>().CreateCommand(
            $"SELECT event_name, source_object FROM {bed.Host.Schema}.aw_timeline");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("ConsoleLogin", reader.GetString(0));
        Assert.Equal($"sqs://{QueueConsumer.QueueName(bed.QueueUrl)}/{sent.MessageId}", reader.GetString(1));
        Assert.Equal(0, await bed.ApproximateMessagesAsync(bed.QueueUrl));
    }
}
