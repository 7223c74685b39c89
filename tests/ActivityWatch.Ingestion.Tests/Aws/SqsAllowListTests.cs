using ActivityWatch.Ingestion.Aws;
using ActivityWatch.Ingestion.Aws.S3;
using ActivityWatch.Ingestion.Aws.Sqs;
using ActivityWatch.Ingestion.Aws.Status;
using ActivityWatch.Ingestion.Aws.Store;

namespace ActivityWatch.Ingestion.Tests.Aws;

/// <summary>A queue message may name any bucket and key: only allowed ones are read.</summary>
public sealed class SqsAllowListTests
{
    private const string Account = "111122223333";

    private static Task<int> ReceiveAsync(AwsTestBed bed) =>
        bed.Host.Get<QueueConsumer>().ReceiveOnceAsync(bed.QueueUrl, 1, CancellationToken.None);

    private static async Task<SourceStatus> QueueStatusAsync(AwsTestBed bed) =>
        (await bed.Host.Get<SourceStatusQueries>().ListAsync(CancellationToken.None)).Single(s => s.Source == bed.QueueUrl);

    private static async Task<(string Key, string ETag)> PutTrailFileAsync(AwsTestBed bed, string unique, string? key = null)
    {
        key ??= TestLogs.TrailKey(Account, "us-east-1", TestLogs.Start, unique);
        return (key, await bed.PutAsync(key, TestLogs.TrailFile(Account, "us-east-1", TestLogs.Start, 3, unique)));
    }

    [Fact]
    public async Task ObjectInAnotherBucket_IsNotRead_AndTheMessageIsDeadLetteredWithTheReason()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(ObjectInAnotherBucket_IsNotRead_AndTheMessageIsDeadLetteredWithTheReason),
            new Dictionary<string, string?> { ["ActivityWatch:Sources:AllowedBuckets:0"] = "some-other-trail-bucket" });
        var (key, eTag) = await PutTrailFileAsync(bed, "elsewhere");
        var message = AwsTestBed.S3EventMessage(bed.Bucket, key, eTag, 100);

        await bed.SendAsync(message);
        await ReceiveAsync(bed);

        Assert.Equal(0, await bed.TimelineCountAsync());
        var dead = Assert.Single(await bed.ReceiveAllAsync(bed.DeadLetterUrl));
        Assert.Equal(message, dead.Body);
        Assert.Contains($"s3://{bed.Bucket}/{key}", dead.MessageAttributes[QueueConsumer.ReasonAttribute].StringValue);
        Assert.Contains("outside ActivityWatch:Sources:S3Prefixes and AllowedBuckets", dead.MessageAttributes[QueueConsumer.ReasonAttribute].StringValue);
        var status = await QueueStatusAsync(bed);
        Assert.Equal(1, status.Errors[nameof(SourceErrorKind.NotAllowed)]);
        Assert.Equal(1, status.DeadLettered);
        Assert.Contains(key, status.LastError);
        Assert.Equal(0, await bed.ApproximateMessagesAsync(bed.QueueUrl));
    }

    [Fact]
    public async Task KeyOutsideTheConfiguredPrefix_IsNotRead_WhileOneInsideIs()
    {
        var bucket = $"aw-prefix-{Guid.NewGuid():N}"[..24];
        await using var bed = await AwsTestBed.StartAsync(nameof(KeyOutsideTheConfiguredPrefix_IsNotRead_WhileOneInsideIs),
            new Dictionary<string, string?>
            {
                ["ActivityWatch:Sources:AllowedBuckets:0"] = null,
                ["ActivityWatch:Sources:S3Prefixes:0"] = $"s3://{bucket}/AWSLogs/",
            }, bucket: bucket);
        var (inside, insideTag) = await PutTrailFileAsync(bed, "inside");
        var (outside, outsideTag) = await PutTrailFileAsync(bed, "outside", key: "secrets/AWSLogs/payroll.json.gz");

        await bed.SendAsync(AwsTestBed.S3EventMessage(bed.Bucket, inside, insideTag, 100));
        await bed.SendAsync(AwsTestBed.S3EventMessage(bed.Bucket, outside, outsideTag, 100));
        while (await ReceiveAsync(bed) > 0) { }

        Assert.Equal(3, await bed.TimelineCountAsync());
        Assert.Equal(0L, await bed.Host.SqlAsync("SELECT count(*) FROM {schema}.aw_timeline WHERE source_object LIKE '%payroll%'"));
        var dead = Assert.Single(await bed.ReceiveAllAsync(bed.DeadLetterUrl));
        Assert.Contains("secrets/AWSLogs/payroll.json.gz", dead.MessageAttributes[QueueConsumer.ReasonAttribute].StringValue);
    }

    [Fact]
    public void BucketNameWithASlash_CannotPassForAnAllowedPrefix()
    {
        // "trail/AWSLogs" + "x" and "trail" + "AWSLogs/x" print as the same s3:// URI: compared apart, only the second is allowed.
        var allowList = new ObjectAllowList(new SourcesOptions { S3Prefixes = ["s3://trail/AWSLogs/"] });

        Assert.Null(allowList.Refusal(new S3ObjectEntry("trail", "AWSLogs/x.json.gz", null, null, null)));
        Assert.NotNull(allowList.Refusal(new S3ObjectEntry("trail/AWSLogs", "x.json.gz", null, null, null)));
        Assert.NotNull(allowList.Refusal(new S3ObjectEntry("trail-copy", "AWSLogs/x.json.gz", null, null, null)));
        Assert.NotNull(allowList.Refusal(new S3ObjectEntry("trail", "other/AWSLogs/x.json.gz", null, null, null)));
    }

    [Fact]
    public async Task NothingConfigured_AllowsNothing()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(NothingConfigured_AllowsNothing),
            new Dictionary<string, string?> { ["ActivityWatch:Sources:AllowedBuckets:0"] = null });
        var (key, eTag) = await PutTrailFileAsync(bed, "none");

        await bed.SendAsync(AwsTestBed.S3EventMessage(bed.Bucket, key, eTag, 100));
        await ReceiveAsync(bed);

        Assert.Equal(0, await bed.TimelineCountAsync());
        var dead = Assert.Single(await bed.ReceiveAllAsync(bed.DeadLetterUrl));
        Assert.Contains("no ActivityWatch:Sources:S3Prefixes or AllowedBuckets are configured", dead.MessageAttributes[QueueConsumer.ReasonAttribute].StringValue);
    }
}
