using ActivityWatch.Ingestion.Parsing;
using ActivityWatch.Monitoring.Records;
using static ActivityWatch.Ingestion.Tests.Parsing.CloudTrailSamples;
using static ActivityWatch.Ingestion.Tests.Parsing.ParsingKit;

namespace ActivityWatch.Ingestion.Tests.Parsing;

public class FormatDetectionTests
{
    private const string EventBridgeEnvelopeStart =
        """{"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"AWS API Call via CloudTrail","source":"aws.ec2","account":"444455556666","time":"2024-01-15T09:30:12Z","region":"eu-west-1","resources":[],"detail":""";

    private static string EventBridge(string detail) => EventBridgeEnvelopeStart + detail + "}";

    [Fact]
    public async Task GzippedAndPlainDeliveryFiles_ReadTheSame()
    {
        var plain = Utf8(Records(Record(), RootConsoleLogin));

        var (plainFormat, plainPositions) = await ReadAllAsync(plain);
        var (gzipFormat, gzipPositions) = await ReadAllAsync(Gzip(plain));

        Assert.Equal(LogFormat.CloudTrailRecords, plainFormat);
        Assert.Equal(LogFormat.CloudTrailRecords, gzipFormat);
        Assert.Equal(plainPositions.Select(p => p.Record!.RecordKey), gzipPositions.Select(p => p.Record!.RecordKey));
        Assert.Equal(2, gzipPositions.Count);
    }

    [Fact]
    public async Task Gzip_IsDetectedByMagicBytes_NotByName()
    {
        await using var log = await LogObjectReader.OpenAsync(new MemoryStream(Gzip(Utf8(Records(Record())))), "s3://bucket/plain-name.json", default);

        Assert.True(log.Gzipped);
        Assert.Equal(LogFormat.CloudTrailRecords, log.Format);
    }

    [Fact]
    public async Task RecordsKey_NeedNotComeFirst()
    {
        var (format, positions) = await ReadAllAsync("""{ "delivery": {"note": "[not the records]", "n": [1,2]}, "Records" : [""" + Record() + "]}");

        Assert.Equal(LogFormat.CloudTrailRecords, format);
        Assert.NotNull(Assert.Single(positions).Record);
    }

    [Fact]
    public async Task PrettyPrintedDeliveryFile_WithBom_IsRead()
    {
        var pretty = "\uFEFF{\n  \"Records\": [\n    " + Record() + ",\n    " + RootConsoleLogin + "\n  ]\n}\n";

        var (format, positions) = await ReadAllAsync(pretty);

        Assert.Equal(LogFormat.CloudTrailRecords, format);
        Assert.All(positions, p => Assert.NotNull(p.Record));
        Assert.Equal(2, positions.Count);
    }

    [Fact]
    public async Task DigestFile_IsRecognised_AndYieldsNothing()
    {
        const string digest = """{"awsAccountId":"123456789012","digestStartTime":"2024-01-15T00:00:00Z","digestEndTime":"2024-01-15T01:00:00Z","digestS3Bucket":"trail-bucket","digestS3Object":"AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2024/01/15/x.json.gz","digestPublicKeyFingerprint":"809b3fa9b5b3f2a1e4e3EXAMPLE","digestSignatureAlgorithm":"SHA256withRSA","newestEventTime":"2024-01-15T00:59:59Z","oldestEventTime":"2024-01-15T00:00:01Z","previousDigestS3Bucket":"trail-bucket","previousDigestS3Object":null,"previousDigestHashValue":null,"previousDigestHashAlgorithm":null,"previousDigestSignature":null,"logFiles":[]}""";

        var (format, positions) = await ReadAllAsync(Gzip(Utf8(digest)));

        Assert.Equal(LogFormat.CloudTrailDigest, format);
        Assert.Empty(positions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\r\n ")]
    [InlineData("[]")]
    public async Task EmptyContent_IsEmpty_AndYieldsNothing(string content)
    {
        var (format, positions) = await ReadAllAsync(content);

        Assert.Equal(LogFormat.Empty, format);
        Assert.Empty(positions);
    }

    [Fact]
    public async Task UnknownContent_YieldsOneRejectionNamingWhatWasFound()
    {
        var (format, positions) = await ReadAllAsync("""{"Type":"Notification","MessageId":"x"}""");

        Assert.Equal(LogFormat.Unknown, format);
        var rejection = Assert.Single(positions).Rejection!;
        Assert.Equal(0, rejection.Position);
        Assert.Contains("Type, MessageId", rejection.Reason);
        Assert.Contains("Notification", rejection.Excerpt);
    }

    [Fact]
    public async Task PlainText_IsUnknown()
    {
        var (format, positions) = await ReadAllAsync("hello, this is not a log\n");

        Assert.Equal(LogFormat.Unknown, format);
        Assert.Contains("neither JSON nor an S3 server access log", Assert.Single(positions).Rejection!.Reason);
    }

    [Fact]
    public async Task EventBridgeLines_TakeAccountAndRegionFromTheEnvelope_WhenTheDetailOmitsThem()
    {
        var detail = Record().Replace(",\"recipientAccountId\":\"123456789012\"", "").Replace("\"awsRegion\":\"us-east-1\",", "");
        var lines = EventBridge(detail) + "\n" + EventBridge(RootConsoleLogin) + "\n";

        var (format, positions) = await ReadAllAsync(lines);

        Assert.Equal(LogFormat.EventBridge, format);
        Assert.Equal(2, positions.Count);
        var first = positions[0].Record!;
        Assert.Equal("444455556666", first.AccountId);
        Assert.Equal("eu-west-1", first.AwsRegion);
        Assert.Equal("cloudtrail:444455556666:e755e09c-42f9-4c5c-9064-EXAMPLE228c7", first.RecordKey);
        Assert.Equal("123456789012", first.PrincipalAccountId);
        Assert.Equal(detail, first.Raw!.Value.GetRawText());
        Assert.Equal("123456789012", positions[1].Record!.AccountId);
        // Read from an EventBridge export, not from the trail: marked so an analyst can tell.
        Assert.All(positions, p => Assert.Equal(LogSources.CloudTrailViaEventBridge, p.Record!.Source));
    }

    [Fact]
    public async Task EventBridgeArray_IsRead_AndADetailWithoutEventIdIsHashed()
    {
        var detail = Record(eventId: "");
        var (format, positions) = await ReadAllAsync("[" + EventBridge(detail) + ",\n" + EventBridge(Record()) + "]");

        Assert.Equal(LogFormat.EventBridge, format);
        Assert.Equal(2, positions.Count);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Utf8(detail)));
        Assert.Equal("cloudtrail-sha256:" + expected, positions[0].Record!.RecordKey);
    }

    [Fact]
    public async Task EventBridgeEvents_RunTogetherOnOneLine_AreEachAPosition()
    {
        var (format, positions) = await ReadAllAsync(EventBridge(Record()) + EventBridge(RootConsoleLogin) + EventBridge(OldVersion));

        Assert.Equal(LogFormat.EventBridge, format);
        Assert.Equal(3, positions.Count);
        Assert.All(positions, p => Assert.NotNull(p.Record));
    }

    [Fact]
    public async Task EventBridgeEventThatIsNotCloudTrail_IsRejected()
    {
        const string ec2 = """{"version":"0","id":"7bf73129","detail-type":"EC2 Instance State-change Notification","source":"aws.ec2","account":"123456789012","time":"2024-01-15T09:30:12Z","region":"us-east-1","resources":[],"detail":{"instance-id":"i-abcd1111","state":"pending"}}""";

        var (_, positions) = await ReadAllAsync(EventBridge(Record()) + "\n" + ec2 + "\n");

        Assert.NotNull(positions[0].Record);
        Assert.Contains("EC2 Instance State-change Notification", positions[1].Rejection!.Reason);
    }

    [Fact]
    public async Task JsonLinesOfBareRecords_AreRead()
    {
        var (format, positions) = await ReadAllAsync(Record() + "\n\n" + RootConsoleLogin + "\r\n" + OldVersion);

        Assert.Equal(LogFormat.CloudTrailJsonLines, format);
        Assert.Equal(3, positions.Count);
        AssertWellFormed(positions);
        Assert.All(positions, p => Assert.NotNull(p.Record));
    }

    [Fact]
    public async Task TopLevelArrayOfBareRecords_IsRead()
    {
        var (format, positions) = await ReadAllAsync("[\n" + Record() + ",\n" + RootConsoleLogin + "\n]\n");

        Assert.Equal(LogFormat.CloudTrailJsonLines, format);
        Assert.Equal(2, positions.Count);
    }

    [Fact]
    public async Task LookupEventsOutput_UnwrapsTheCloudTrailEventString()
    {
        var wrapped = System.Text.Json.JsonSerializer.Serialize(RootConsoleLogin);
        var output = """{"Events":[{"EventId":"3fcfb1a8-7d1e-4e8b-9d6f-EXAMPLE11111","EventName":"ConsoleLogin","ReadOnly":"false","EventTime":"2024-01-15T10:01:00+00:00","EventSource":"signin.amazonaws.com","Username":"root","Resources":[],"CloudTrailEvent":"""
            + wrapped + "}],\"NextToken\":\"abc\"}";

        var (format, positions) = await ReadAllAsync(output);

        Assert.Equal(LogFormat.CloudTrailJsonLines, format);
        var record = Assert.Single(positions).Record!;
        Assert.Equal("ConsoleLogin", record.EventName);
        Assert.Equal("cloudtrail:123456789012:3fcfb1a8-7d1e-4e8b-9d6f-EXAMPLE11111", record.RecordKey);
        Assert.Equal("signin.amazonaws.com", record.Raw!.Value.GetProperty("eventSource").GetString());
    }

    [Fact]
    public async Task LookupEventsEntriesAsJsonLines_AreUnwrapped()
    {
        var line = "{\"EventId\":\"x\",\"CloudTrailEvent\":" + System.Text.Json.JsonSerializer.Serialize(Record()) + "}";

        var (format, positions) = await ReadAllAsync(line + "\n" + line + "\n");

        Assert.Equal(LogFormat.CloudTrailJsonLines, format);
        Assert.Equal(2, positions.Count);
        Assert.Equal("StartInstances", positions[1].Record!.EventName);
    }
}
