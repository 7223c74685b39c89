using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ActivityWatch.Cli.Errors;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;
using ActivityWatch.Testing.Records;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;

namespace ActivityWatch.Cli.Tests.Foundation;

/// <summary>`watch --once --format json` counts what it read through S3 notifications, on the local S3 and SQS server (fauxqs).</summary>
[Collection(AlertsCliCollection.Name)]
public sealed class WatchOnceTests
{
    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: start `scripts/services/s3-sqs.sh start` and export what it prints (scripts/test.sh does both).");

    [Fact]
    public async Task Once_ANotificationOf40Records_CountsOneObjectAnd40Records()
    {
        var s3Url = Required("ActivityWatch__Test__S3__ServiceUrl");
        var sqsUrl = Required("ActivityWatch__Test__Sqs__ServiceUrl");
        // ActivityWatch takes credentials only from the SDK's default chain: the local servers accept any.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID")))
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test");
        }
        using var s3 = new AmazonS3Client(new BasicAWSCredentials("test", "test"), new AmazonS3Config { ServiceURL = s3Url, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        using var sqs = new AmazonSQSClient(new BasicAWSCredentials("test", "test"), new AmazonSQSConfig { ServiceURL = sqsUrl, AuthenticationRegion = "us-east-1" });
        var id = Guid.NewGuid().ToString("N")[..10];
        var bucket = $"aw-watch-{id}";
        await s3.PutBucketAsync(bucket);
        var queueUrl = (await sqs.CreateQueueAsync($"aw-watch-{id}")).QueueUrl;

        var time = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var key = $"AWSLogs/{CloudTrailRecords.Account}/CloudTrail/us-east-1/2026/11/02/{CloudTrailRecords.Account}_CloudTrail_us-east-1_20261102T0900Z_{id}.json.gz";
        var content = Gzip("{\"Records\":[" + string.Join(",", Enumerable.Range(0, 40).Select(i => CloudTrailRecords.IamUserCall("GetObject", time: time.AddSeconds(i)))) + "]}");
        var put = await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(content), UseChunkEncoding = false });
        await sqs.SendMessageAsync(queueUrl, S3EventMessage(bucket, key, put.ETag.Trim('"'), content.Length));

        await using var host = await TestHost.StartAsync(nameof(Once_ANotificationOf40Records_CountsOneObjectAnd40Records), DaemonRole.Disabled);
        var settings = new Dictionary<string, string?>(host.Settings.Where(s => s.Key != $"{ProjectionOptions.Section}:Daemon"))
        {
            ["ActivityWatch:Aws:ServiceUrl"] = s3Url,
            ["ActivityWatch:Aws:ForcePathStyle"] = "true",
            ["ActivityWatch:Aws:Region"] = "us-east-1",
            ["ActivityWatch:Sources:Queues:0"] = queueUrl,
            // A notification is read only for a bucket the configuration allows.
            ["ActivityWatch:Sources:AllowedBuckets:0"] = bucket,
            ["ActivityWatch:Sources:QueueWaitSeconds"] = "1",
            ["ActivityWatch:Anomaly:Enabled"] = "false",
        };

        var (exitCode, output, error) = await CliRun.RunAsync(settings, "watch", "--once", "--format", "json");

        Assert.True(exitCode == ExitCodes.Ok, error);
        var round = JsonDocument.Parse(output).RootElement;
        Assert.Equal(1, round.GetProperty("messages").GetInt32());
        Assert.Equal(1, round.GetProperty("objects").GetInt32());
        Assert.Equal(40, round.GetProperty("records").GetInt64());
        Assert.Equal(0, round.GetProperty("failures").GetInt32());
        Assert.Equal(40L, await host.SqlAsync("SELECT count(*) FROM {schema}.aw_timeline"));
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    // The message S3 sends for an upload ("Event message structure", version 2.1), reduced to what a consumer reads.
    private static string S3EventMessage(string bucket, string key, string eTag, long size) => JsonSerializer.Serialize(new
    {
        Records = new[]
        {
            new
            {
                eventVersion = "2.1", eventSource = "aws:s3", awsRegion = "us-east-1", eventTime = "2026-11-02T09:00:05.123Z", eventName = "ObjectCreated:Put",
                s3 = new { s3SchemaVersion = "1.0", bucket = new { name = bucket, arn = $"arn:aws:s3:::{bucket}" }, @object = new { key, size, eTag, sequencer = "0055AED6DCD90281E5" } },
            },
        },
    });
}
