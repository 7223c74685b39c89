using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Detections.Catalogue;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Detections;

public class CisMonitoringRuleTests
{
    [Theory]
    [InlineData("DeleteGroupPolicy", "iam.amazonaws.com", "iam.policy-changed")]
    [InlineData("CreatePolicyVersion", "iam.amazonaws.com", "iam.policy-changed")]
    [InlineData("DetachUserPolicy", "iam.amazonaws.com", "iam.policy-changed")]
    [InlineData("UpdateTrail", "cloudtrail.amazonaws.com", "cloudtrail.config-changed")]
    [InlineData("StartLogging", "cloudtrail.amazonaws.com", "cloudtrail.config-changed")]
    [InlineData("StopLogging", "cloudtrail.amazonaws.com", "cloudtrail.logging-stopped")]
    [InlineData("DeleteTrail", "cloudtrail.amazonaws.com", "cloudtrail.logging-stopped")]
    [InlineData("ScheduleKeyDeletion", "kms.amazonaws.com", "kms.key-disabled-or-deleted")]
    [InlineData("DisableKey", "kms.amazonaws.com", "kms.key-disabled-or-deleted")]
    [InlineData("PutBucketPolicy", "s3.amazonaws.com", "s3.bucket-policy-changed")]
    [InlineData("DeleteBucketReplication", "s3.amazonaws.com", "s3.bucket-policy-changed")]
    [InlineData("PutDeliveryChannel", "config.amazonaws.com", "config.changed")]
    [InlineData("StopConfigurationRecorder", "config.amazonaws.com", "config.changed")]
    [InlineData("AuthorizeSecurityGroupIngress", "ec2.amazonaws.com", "ec2.security-group-changed")]
    [InlineData("ModifySecurityGroupRules", "ec2.amazonaws.com", "ec2.security-group-changed")]
    [InlineData("ReplaceNetworkAclEntry", "ec2.amazonaws.com", "ec2.nacl-changed")]
    [InlineData("AttachInternetGateway", "ec2.amazonaws.com", "ec2.network-gateway-changed")]
    [InlineData("CreateCustomerGateway", "ec2.amazonaws.com", "ec2.network-gateway-changed")]
    [InlineData("ReplaceRouteTableAssociation", "ec2.amazonaws.com", "ec2.route-table-changed")]
    [InlineData("DisassociateRouteTable", "ec2.amazonaws.com", "ec2.route-table-changed")]
    [InlineData("CreateVpcPeeringConnection", "ec2.amazonaws.com", "ec2.vpc-changed")]
    [InlineData("EnableVpcClassicLink", "ec2.amazonaws.com", "ec2.vpc-changed")]
    [InlineData("LeaveOrganization", "organizations.amazonaws.com", "organizations.changed")]
    [InlineData("CreatePolicy", "organizations.amazonaws.com", "organizations.changed")]
    public async Task CisChangeEvent_Succeeded_RaisesItsAlarm(string eventName, string eventSource, string ruleId)
    {
        Assert.Contains(ruleId, await Parsed.MatchesAsync(Call(AssumedRole(), eventName, eventSource)));
    }

    [Fact]
    public async Task CisChangeEvent_Refused_RaisesNoChangeAlarm()
    {
        var matches = await Parsed.MatchesAsync(Call(AssumedRole(), "StopLogging", "cloudtrail.amazonaws.com", errorCode: "AccessDenied", errorMessage: "denied"));
        Assert.DoesNotContain("cloudtrail.logging-stopped", matches);
        Assert.Contains("api.unauthorized-calls", matches);
    }

    [Fact]
    public async Task CisEventFromAnotherService_DoesNotRaiseServiceScopedAlarm()
    {
        // IAM's CreatePolicy is 5.4, not Organizations' 5.15: the 5.15 pattern names the event source.
        var matches = await Parsed.MatchesAsync(Call(AssumedRole(), "CreatePolicy", "iam.amazonaws.com",
            Json("""{"policyName":"ReadOnlyReports","policyDocument":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports/*\"}]}"}""")));
        Assert.DoesNotContain("organizations.changed", matches);
        Assert.Contains("iam.policy-changed", matches);
    }

    [Theory]
    [InlineData("AccessDenied")]
    [InlineData("AccessDeniedException")]
    [InlineData("UnauthorizedOperation")]
    [InlineData("Client.UnauthorizedOperation")]
    public async Task UnauthorizedErrorCodes_MatchCis51(string errorCode)
    {
        var record = Call(AssumedRole(), "DescribeInstances", "ec2.amazonaws.com", errorCode: errorCode, errorMessage: "You are not authorized to perform this operation.");
        Assert.Contains("api.unauthorized-calls", await Parsed.MatchesAsync(record));
    }

    [Theory]
    [InlineData("ThrottlingException")]
    [InlineData("NoSuchBucket")]
    public async Task OtherErrorCodes_DoNotMatchCis51(string errorCode)
    {
        Assert.DoesNotContain("api.unauthorized-calls", await Parsed.MatchesAsync(Call(AssumedRole(), "GetObject", "s3.amazonaws.com", errorCode: errorCode, errorMessage: "x")));
    }

    [Fact]
    public async Task UnauthorizedHeadBucket_IsExcludedFromCis51()
    {
        Assert.DoesNotContain("api.unauthorized-calls", await Parsed.MatchesAsync(Call(AssumedRole(), "HeadBucket", "s3.amazonaws.com", errorCode: "AccessDenied", errorMessage: "Access Denied")));
    }

    [Fact]
    public async Task UnauthorizedFromLogDelivery_IsExcludedFromCis51()
    {
        var record = Call(AssumedRole(), "PutObject", "s3.amazonaws.com", errorCode: "AccessDenied", errorMessage: "Access Denied", sourceIp: CisMonitoringRules.DeliveryLogs);
        Assert.DoesNotContain("api.unauthorized-calls", await Parsed.MatchesAsync(record));
    }

    [Fact]
    public void Catalogue_CoversEveryCisMonitoringControl()
    {
        var covered = DetectionCatalogue.Rules.SelectMany(r => r.Cis).ToHashSet();
        for (var control = 1; control <= 15; control++) Assert.Contains($"5.{control}", covered);
    }

    [Fact]
    public void Catalogue_RulesAreCompleteAndUnique()
    {
        var rules = DetectionCatalogue.Rules;
        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct().Count());
        Assert.All(rules, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Title));
            Assert.False(string.IsNullOrWhiteSpace(r.BestPractice));
            Assert.Contains(r.Severity, Monitoring.Alerts.Severity.Ordered);
            Assert.All(r.Cis, c => Assert.Matches(@"^5\.([1-9]|1[0-5])$", c));
            Assert.All(r.Mitre, m => Assert.Matches(@"^T\d{4}(\.\d{3})?$", m));
        });
    }
}
