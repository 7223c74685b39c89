using ActivityWatch.Ingestion.Aws.Sqs;
using ActivityWatch.Ingestion.Aws.Status;
using ActivityWatch.Ingestion.Aws.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActivityWatch.Ingestion.Tests.Aws;

public sealed class SqsFailureTests
{
    private const string Account = "111122223333";

    private static Task<int> ReceiveAsync(AwsTestBed bed) =>
        bed.Host.Get<QueueConsumer>().ReceiveOnceAsync(bed.QueueUrl, 1, CancellationToken.None);

    private static async Task<SourceStatus> QueueStatusAsync(AwsTestBed bed) =>
        (await bed.Host.Get<SourceStatusQueries>().ListAsync(CancellationToken.None)).Single(s => s.Source == bed.QueueUrl);

    [Fact]
    public async Task ObjectDeletedBeforeDownload_IsReportedCountedAndTheMessageDeleted()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(ObjectDeletedBeforeDownload_IsReportedCountedAndTheMessageDeleted));
        var key = TestLogs.TrailKey(Account, "us-east-1", TestLogs.Start, "gone");
        var eTag = await bed.PutAsync(key, TestLogs.TrailFile(Account, "us-east-1", TestLogs.Start, 2, "gone"));
        await bed.S3.DeleteObjectAsync(bed.Bucket, key);

        await bed.SendAsync(AwsTestBed.S3EventMessage(bed.Bucket, key, eTag, 100));
        await ReceiveAsync(bed);

        var status = await QueueStatusAsync(bed);
        Assert.Equal(1, status.Errors[nameof(SourceErrorKind.NotFound)]);
        Assert.Contains(key, status.LastError);
        Assert.Equal(0, await bed.ApproximateMessagesAsync(bed.QueueUrl));
        Assert.Equal(0, await bed.ApproximateMessagesAsync(bed.DeadLetterUrl));
    }

    [Fact]
    public async Task CorruptObject_IsQuarantinedWithItsKey()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(CorruptObject_IsQuarantinedWithItsKey));
        var key = TestLogs.TrailKey(Account, "us-east-1", TestLogs.Start, "corrupt");
        var eTag = await bed.PutAsync(key, TestLogs.Gzip("this is not a log at all {\n<html>garbage</html>\n"));

        await bed.SendAsync(AwsTestBed.S3EventMessage(bed.Bucket, key, eTag, 40));
        await ReceiveAsync(bed);

        Assert.True(await bed.QuarantineCountAsync($"s3://{bed.Bucket}/{key}") >= 1);
        Assert.Equal(0, await bed.TimelineCountAsync());
        Assert.Equal(0, await bed.ApproximateMessagesAsync(bed.QueueUrl));
    }

    [Fact]
    public async Task UnknownMessageShape_IsDeadLetteredWithTheReason()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(UnknownMessageShape_IsDeadLetteredWithTheReason));

        await bed.SendAsync("""{"hello":"world"}""");
        await ReceiveAsync(bed);

        var dead = Assert.Single(await bed.ReceiveAllAsync(bed.DeadLetterUrl));
        Assert.Equal("""{"hello":"world"}""", dead.Body);
        Assert.Contains("unknown message shape", dead.MessageAttributes[QueueConsumer.ReasonAttribute].StringValue);
        Assert.Equal(0, await bed.ApproximateMessagesAsync(bed.QueueUrl));
        var status = await QueueStatusAsync(bed);
        Assert.Equal(1, status.Errors[nameof(SourceErrorKind.UnknownMessage)]);
        Assert.Equal(1, status.DeadLettered);
    }

    [Fact]
    public async Task MessageReceivedMoreThanMaxReceiveCount_IsDeadLettered()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(MessageReceivedMoreThanMaxReceiveCount_IsDeadLettered),
            new Dictionary<string, string?> { ["ActivityWatch:Sources:MaxReceiveCount"] = "1" });
        await bed.SendAsync(AwsTestBed.S3EventMessage(bed.Bucket, "AWSLogs/never-there.json.gz", null, 1));
        // A consumer that received it once and then died: the message comes back after its timeout.
        Assert.Single(await bed.ReceiveAllAsync(bed.QueueUrl, visibilitySeconds: 1));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        await ReceiveAsync(bed);

        var dead = Assert.Single(await bed.ReceiveAllAsync(bed.DeadLetterUrl));
        Assert.Contains("failed 1 times", dead.MessageAttributes[QueueConsumer.ReasonAttribute].StringValue);
        Assert.Equal(0, await bed.ApproximateMessagesAsync(bed.QueueUrl));
    }

    [Fact]
    public async Task S3Unreachable_MessageIsKeptForRetryAndTheErrorReported()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(S3Unreachable_MessageIsKeptForRetryAndTheErrorReported),
            new Dictionary<string, string?>
            {
                // Nothing listens on port 9 of loopback: every download fails like an S3 outage.
                ["ActivityWatch:Aws:S3ServiceUrl"] = "http://127.0.0.1:9",
                ["ActivityWatch:Aws:DownloadAttempts"] = "2",
                ["ActivityWatch:Sources:VisibilityTimeoutSeconds"] = "30",
            });
        await bed.SendAsync(AwsTestBed.S3EventMessage(bed.Bucket, "AWSLogs/outage.json.gz", "abc", 1));

        await ReceiveAsync(bed);

        var status = await QueueStatusAsync(bed);
        Assert.Equal(1, status.Errors[nameof(SourceErrorKind.Transient)]);
        Assert.Equal(1, await bed.ApproximateMessagesAsync(bed.QueueUrl));
        Assert.Equal(0, await bed.ApproximateMessagesAsync(bed.DeadLetterUrl));
    }

    [Fact]
    public async Task ConsumerDiesAfterAppendBeforeDelete_RedeliveryStoresNothingTwice()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(ConsumerDiesAfterAppendBeforeDelete_RedeliveryStoresNothingTwice));
        var key = TestLogs.TrailKey(Account, "us-east-1", TestLogs.Start, "crash");
        var content = TestLogs.TrailFile(Account, "us-east-1", TestLogs.Start, 6, "crash");
        var eTag = await bed.PutAsync(key, content);
        await bed.SendAsync(AwsTestBed.S3EventMessage(bed.Bucket, key, eTag, content.Length));
        var consumer = bed.Host.Get<QueueConsumer>();

        var message = Assert.Single(await bed.ReceiveAllAsync(bed.QueueUrl, visibilitySeconds: 1));
        var verdict = await consumer.HandleAsync(bed.QueueUrl, message, CancellationToken.None);
        // The process dies here: records appended, message never deleted.
        Assert.Equal(MessageAction.Delete, verdict.Action);
        Assert.Equal(6, await bed.TimelineCountAsync());
        Assert.Equal(1, await bed.ApproximateMessagesAsync(bed.QueueUrl));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var redelivered = await ReceiveAsync(bed);

        Assert.Equal(1, redelivered);
        Assert.Equal(6, await bed.TimelineCountAsync());
        Assert.Equal(0, await bed.ApproximateMessagesAsync(bed.QueueUrl));
    }

    [Fact]
    public async Task SlowObject_HeartbeatKeepsTheMessageInvisibleUntilDone()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(SlowObject_HeartbeatKeepsTheMessageInvisibleUntilDone));
        await bed.SendAsync(AwsTestBed.S3EventMessage(bed.Bucket, "AWSLogs/big.json.gz", "abc", 1));
        var message = Assert.Single(await bed.ReceiveAllAsync(bed.QueueUrl, visibilitySeconds: 3));

        int extensions;
        await using (var heartbeat = new VisibilityHeartbeat(bed.Sqs, bed.QueueUrl, message.ReceiptHandle, 3, NullLogger.Instance))
        {
            // Twice the visibility timeout: without the heartbeat another consumer would get it now.
            await Task.Delay(TimeSpan.FromSeconds(6));
            Assert.Empty(await bed.ReceiveAllAsync(bed.QueueUrl));
            extensions = heartbeat.Extensions;
        }

        Assert.True(extensions >= 3, $"{extensions} extensions");
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        Assert.Single(await bed.ReceiveAllAsync(bed.QueueUrl));
    }
}
