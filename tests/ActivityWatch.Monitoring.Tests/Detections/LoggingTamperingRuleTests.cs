using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Detections;

public class LoggingTamperingRuleTests
{
    private const string TrailBucket = "aws-cloudtrail-logs-123456789012-a1b2c3";

    [Fact]
    public async Task EventSelectors_WriteOnly_RaiseSelectorsReduced()
    {
        var record = Call(AssumedRole(), "PutEventSelectors", "cloudtrail.amazonaws.com",
            Json("""{"trailName":"management-events","eventSelectors":[{"readWriteType":"WriteOnly","includeManagementEvents":true,"dataResources":[],"excludeManagementEventSources":[]}]}"""));
        Assert.Contains("cloudtrail.selectors-reduced", await Parsed.MatchesAsync(record));
    }

    [Fact]
    public async Task EventSelectors_AllManagementEvents_DoNotRaise()
    {
        var record = Call(AssumedRole(), "PutEventSelectors", "cloudtrail.amazonaws.com",
            Json("""{"trailName":"management-events","eventSelectors":[{"readWriteType":"All","includeManagementEvents":true,"dataResources":[{"type":"AWS::S3::Object","values":["arn:aws:s3"]}],"excludeManagementEventSources":[]}]}"""));
        Assert.DoesNotContain("cloudtrail.selectors-reduced", await Parsed.MatchesAsync(record));
    }

    [Fact]
    public async Task EventSelectors_ExcludingKmsEvents_RaiseSelectorsReduced()
    {
        var record = Call(AssumedRole(), "PutEventSelectors", "cloudtrail.amazonaws.com",
            Json("""{"trailName":"management-events","eventSelectors":[{"readWriteType":"All","includeManagementEvents":true,"excludeManagementEventSources":["kms.amazonaws.com"]}]}"""));
        Assert.Contains("cloudtrail.selectors-reduced", await Parsed.MatchesAsync(record));
    }

    [Fact]
    public async Task InsightSelectors_Emptied_RaiseSelectorsReduced()
    {
        var record = Call(AssumedRole(), "PutInsightSelectors", "cloudtrail.amazonaws.com", Json("""{"trailName":"management-events","insightSelectors":[]}"""));
        Assert.Contains("cloudtrail.selectors-reduced", await Parsed.MatchesAsync(record));
    }

    [Fact]
    public async Task ShortExpiration_OnTrailBucket_Raises()
    {
        var record = Lifecycle(TrailBucket, 7);
        Assert.Contains("s3.trail-bucket-short-lifecycle", await Parsed.MatchesAsync(record, null, TrailBucket));
    }

    [Fact]
    public async Task ShortExpiration_OnOrdinaryBucket_DoesNotRaise()
    {
        Assert.DoesNotContain("s3.trail-bucket-short-lifecycle", await Parsed.MatchesAsync(Lifecycle("build-artifacts", 7), null, TrailBucket));
    }

    [Fact]
    public async Task LongExpiration_OnTrailBucket_DoesNotRaise()
    {
        Assert.DoesNotContain("s3.trail-bucket-short-lifecycle", await Parsed.MatchesAsync(Lifecycle(TrailBucket, 2555), null, TrailBucket));
    }

    [Fact]
    public async Task TrailBucket_IsLearnedFromCreateTrail()
    {
        var context = new ActivityWatch.Monitoring.Detections.DetectionContext(new());
        context.Observe(await Parsed.RecordAsync(Call(AssumedRole(), "CreateTrail", "cloudtrail.amazonaws.com",
            Json($$"""{"name":"org-trail","s3BucketName":"{{TrailBucket}}","isMultiRegionTrail":true}"""))));
        Assert.True(context.IsTrailBucket(TrailBucket));
        Assert.True(context.TrailBucketsChanged);
    }

    [Fact]
    public async Task GuardDutyDetectorDeleted_Raises()
    {
        Assert.Contains("guardduty.disabled", await Parsed.MatchesAsync(Call(AssumedRole(), "DeleteDetector", "guardduty.amazonaws.com", Json("""{"detectorId":"12abc34d567e8fa901bc2d34e56789f0"}"""))));
    }

    [Fact]
    public async Task GuardDutyDetectorDisabled_Raises_ButEnabled_DoesNot()
    {
        var disabled = Call(AssumedRole(), "UpdateDetector", "guardduty.amazonaws.com", Json("""{"detectorId":"12abc34d567e8fa901bc2d34e56789f0","enable":false}"""));
        var enabled = Call(AssumedRole(), "UpdateDetector", "guardduty.amazonaws.com", Json("""{"detectorId":"12abc34d567e8fa901bc2d34e56789f0","enable":true}"""));
        Assert.Contains("guardduty.disabled", await Parsed.MatchesAsync(disabled));
        Assert.DoesNotContain("guardduty.disabled", await Parsed.MatchesAsync(enabled));
    }

    [Fact]
    public async Task GuardDutyMemberDisassociated_Raises()
    {
        Assert.Contains("guardduty.disabled", await Parsed.MatchesAsync(Call(AssumedRole(), "DisassociateFromMasterAccount", "guardduty.amazonaws.com", Json("""{"detectorId":"12abc34d567e8fa901bc2d34e56789f0"}"""))));
    }

    [Theory]
    [InlineData("StopConfigurationRecorder")]
    [InlineData("DeleteConfigurationRecorder")]
    public async Task ConfigRecorderStoppedOrDeleted_Raises(string eventName)
    {
        Assert.Contains("config.recorder-stopped", await Parsed.MatchesAsync(Call(AssumedRole(), eventName, "config.amazonaws.com", Json("""{"configurationRecorderName":"default"}"""))));
    }

    [Fact]
    public async Task FlowLogsDeleted_Raises()
    {
        Assert.Contains("ec2.flow-logs-deleted", await Parsed.MatchesAsync(Call(AssumedRole(), "DeleteFlowLogs", "ec2.amazonaws.com", Json("""{"DeleteFlowLogsRequest":{"FlowLogId":{"tag":1,"content":"fl-1234567890abcdef0"}}}"""))));
    }

    private static string Lifecycle(string bucket, int days) =>
        Call(AssumedRole(), "PutBucketLifecycle", "s3.amazonaws.com", Json($$$"""
            {"bucketName":"{{{bucket}}}","Host":"{{{bucket}}}.s3.us-east-1.amazonaws.com","lifecycle":"",
             "LifecycleConfiguration":{"xmlns":"http://s3.amazonaws.com/doc/2006-03-01/",
               "Rule":[{"ID":"expire-logs","Status":"Enabled","Filter":{"Prefix":"AWSLogs/"},"Expiration":{"Days":{{{days}}}}}]}}
            """));
}
