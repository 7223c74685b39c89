using ActivityWatch.Ingestion.Aws.Sqs;

namespace ActivityWatch.Ingestion.Tests.Aws;

public sealed class QueueMessageParserTests
{
    [Fact]
    public void S3Event_KeyIsUrlDecodedWithPlusAsSpace()
    {
        var message = QueueMessageParser.Parse(AwsTestBed.S3EventMessage("trail", "AWSLogs/a b+c=d.json.gz", "e1", 10));

        var entry = Assert.Single(message.Objects);
        Assert.Equal(QueueMessageKind.S3Objects, message.Kind);
        Assert.Equal("AWSLogs/a b+c=d.json.gz", entry.Key);
        Assert.Equal("trail", entry.Bucket);
        Assert.Equal("e1", entry.ETag);
    }

    [Fact]
    public void SnsWrappedS3Event_IsUnwrapped()
    {
        var message = QueueMessageParser.Parse(AwsTestBed.SnsEnvelope(AwsTestBed.S3EventMessage("trail", "k.json.gz", "e1", 10)));

        Assert.Equal("k.json.gz", Assert.Single(message.Objects).Key);
    }

    [Fact]
    public void ObjectRemovedEvent_IsIgnored()
    {
        Assert.Equal(QueueMessageKind.Ignored, QueueMessageParser.Parse(AwsTestBed.S3EventMessage("b", "k", null, 0, "ObjectRemoved:Delete")).Kind);
    }

    [Fact]
    public void EventBridgeObjectCreated_NamesTheObject()
    {
        var message = QueueMessageParser.Parse("""{"version":"0","id":"1","detail-type":"Object Created","source":"aws.s3","account":"111122223333","time":"2026-11-02T09:00:00Z","region":"us-east-1","resources":[],"detail":{"version":"0","bucket":{"name":"trail"},"object":{"key":"AWSLogs/x y.json.gz","size":5,"etag":"e2"},"reason":"PutObject"}}""");

        Assert.Equal("AWSLogs/x y.json.gz", Assert.Single(message.Objects).Key);
    }

    [Fact]
    public void EventBridgeCloudTrailEvent_IsLogContent()
    {
        var body = """{"version":"0","id":"1","detail-type":"AWS API Call via CloudTrail","source":"aws.iam","detail":{"eventName":"CreateUser","eventID":"x"}}""";

        var message = QueueMessageParser.Parse(body);

        Assert.Equal(QueueMessageKind.EventBridgeCloudTrail, message.Kind);
        Assert.Equal(body, message.Content);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""["an","array"]""")]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs"}]}""")]
    [InlineData("""{"Type":"Notification","Message":"plain text"}""")]
    [InlineData("""{"detail-type":"EC2 Instance State-change Notification","source":"aws.ec2","detail":{"state":"running"}}""")]
    public void UnknownShapes_AreUnknownWithAReason(string body)
    {
        var message = QueueMessageParser.Parse(body);

        Assert.Equal(QueueMessageKind.Unknown, message.Kind);
        Assert.False(string.IsNullOrWhiteSpace(message.Reason));
    }
}
