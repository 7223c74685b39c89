using System.Text.Json;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ActivityWatch.Ingestion.Tests.Aws;

/// <summary>A bucket, a queue and a dead-letter queue of their own on the local servers, and an ActivityWatch host configured for them.</summary>
public sealed class AwsTestBed : IAsyncDisposable
{
    private AwsTestBed(TestHost host, IAmazonS3 s3, IAmazonSQS sqs, string bucket, string queueUrl, string deadLetterUrl)
    {
        Host = host;
        S3 = s3;
        Sqs = sqs;
        Bucket = bucket;
        QueueUrl = queueUrl;
        DeadLetterUrl = deadLetterUrl;
    }

    public TestHost Host { get; }
    public IAmazonS3 S3 { get; }
    public IAmazonSQS Sqs { get; }
    public string Bucket { get; }
    public string QueueUrl { get; }
    public string DeadLetterUrl { get; }

    public static async Task<AwsTestBed> StartAsync(
        string name, IDictionary<string, string?>? settings = null, string? schema = null, string? bucket = null, Action<HostApplicationBuilder>? configure = null)
    {
        var s3 = AwsTestServers.S3();
        var sqs = AwsTestServers.Sqs();
        var id = Guid.NewGuid().ToString("N")[..10];
        bucket ??= $"aw-{id}";
        if (!(await s3.ListBucketsAsync()).Buckets?.Any(b => b.BucketName == bucket) ?? true)
            await s3.PutBucketAsync(bucket);
        var queueUrl = (await sqs.CreateQueueAsync($"aw-{id}")).QueueUrl;
        var deadLetterUrl = (await sqs.CreateQueueAsync($"aw-{id}-dlq")).QueueUrl;
        var all = new Dictionary<string, string?>
        {
            ["ActivityWatch:Aws:ServiceUrl"] = AwsTestServers.S3Url,
            ["ActivityWatch:Aws:ForcePathStyle"] = "true",
            ["ActivityWatch:Aws:Region"] = "us-east-1",
            ["ActivityWatch:Aws:MaxErrorRetry"] = "1",
            ["ActivityWatch:Sources:Queues:0"] = queueUrl,
            // Messages may make ActivityWatch read only objects of allowed buckets: the bed's own.
            ["ActivityWatch:Sources:AllowedBuckets:0"] = bucket,
            ["ActivityWatch:Sources:DeadLetterQueueUrl"] = deadLetterUrl,
            ["ActivityWatch:Sources:QueueWaitSeconds"] = "1",
        };
        if (settings is not null) foreach (var (key, value) in settings) all[key] = value;
        var host = await TestHost.StartAsync(name, DaemonRole.Solo, all, configure, schema: schema);
        return new AwsTestBed(host, s3, sqs, bucket, queueUrl, deadLetterUrl);
    }

    /// <param name="metadata">User metadata (x-amz-meta-*), as CloudTrail stores a digest's signature.</param>
    public async Task<string> PutAsync(string key, byte[] content, IReadOnlyDictionary<string, string>? metadata = null)
    {
        // The local servers need plain (not aws-chunked) uploads: see FACTS.md.
        var request = new PutObjectRequest
        {
            BucketName = Bucket, Key = key, InputStream = new MemoryStream(content), UseChunkEncoding = false,
        };
        foreach (var (name, value) in metadata ?? new Dictionary<string, string>()) request.Metadata[name] = value;
        var response = await S3.PutObjectAsync(request);
        return response.ETag.Trim('"');
    }

    /// <summary>The S3 event message S3 itself would send for an upload (S3 "Event message structure", version 2.1).</summary>
    public static string S3EventMessage(string bucket, string key, string? eTag, long size, string eventName = "ObjectCreated:Put") =>
        JsonSerializer.Serialize(new
        {
            Records = new[]
            {
                new Dictionary<string, object?>
                {
                    ["eventVersion"] = "2.1",
                    ["eventSource"] = "aws:s3",
                    ["awsRegion"] = "us-east-1",
                    ["eventTime"] = "2026-11-02T09:00:05.123Z",
                    ["eventName"] = eventName,
                    ["userIdentity"] = new { principalId = "AWS:AROAEXAMPLE:regionalDeliverySession" },
                    ["requestParameters"] = new { sourceIPAddress = "203.0.113.9" },
                    ["responseElements"] = new Dictionary<string, string> { ["x-amz-request-id"] = "C3D13FE58DE4C810", ["x-amz-id-2"] = "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD" },
                    ["s3"] = new Dictionary<string, object?>
                    {
                        ["s3SchemaVersion"] = "1.0",
                        ["configurationId"] = "activitywatch",
                        ["bucket"] = new { name = bucket, ownerIdentity = new { principalId = "A3NL1KOZZKExample" }, arn = $"arn:aws:s3:::{bucket}" },
                        // S3 URL-encodes keys in event messages, '+' for a space.
                        ["object"] = new { key = Uri.EscapeDataString(key).Replace("%2F", "/").Replace("%20", "+"), size, eTag, sequencer = "0055AED6DCD90281E5" },
                    },
                },
            },
        });

    /// <summary>An SNS notification wrapping <paramref name="message"/> (SNS "HTTP/S notification JSON format").</summary>
    public static string SnsEnvelope(string message) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["Type"] = "Notification",
        ["MessageId"] = Guid.NewGuid().ToString(),
        ["TopicArn"] = "arn:aws:sns:us-east-1:111122223333:trail-notifications",
        ["Subject"] = "Amazon S3 Notification",
        ["Message"] = message,
        ["Timestamp"] = "2026-11-02T09:00:05.200Z",
        ["SignatureVersion"] = "1",
        ["Signature"] = "EXAMPLE",
        ["SigningCertURL"] = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-example.pem",
        ["UnsubscribeURL"] = "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe",
    });

    public Task SendAsync(string body) => Sqs.SendMessageAsync(QueueUrl, body);

    public async Task<long> TimelineCountAsync() => (long)(await Host.SqlAsync("SELECT count(*) FROM {schema}.aw_timeline"))!;

    public async Task<long> QuarantineCountAsync(string sourceObject)
    {
        await using var command = Host.Get<NpgsqlDataSource>().CreateCommand(
            $"SELECT count(*) FROM {Host.Schema}.mt_doc_quarantinedrecord WHERE data->>'sourceObject' = $1");
        command.Parameters.AddWithValue(sourceObject);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<int> ApproximateMessagesAsync(string queueUrl)
    {
        var attributes = await Sqs.GetQueueAttributesAsync(queueUrl, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
        return attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible;
    }

    public async Task<List<Message>> ReceiveAllAsync(string queueUrl, int visibilitySeconds = 30)
    {
        var response = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1, VisibilityTimeout = visibilitySeconds,
            MessageAttributeNames = ["All"], MessageSystemAttributeNames = ["All"],
        });
        return response.Messages ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        S3.Dispose();
        Sqs.Dispose();
    }
}
