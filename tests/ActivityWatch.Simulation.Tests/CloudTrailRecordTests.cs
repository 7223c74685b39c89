using System.Text.Json;
using ActivityWatch.Simulation;

namespace ActivityWatch.Simulation.Tests;

public class CloudTrailRecordTests
{
    private static readonly string[] RequiredFields =
    [
        "eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress",
        "userAgent", "requestID", "eventID", "readOnly", "eventType", "managementEvent", "recipientAccountId", "eventCategory",
    ];

    [Fact]
    public void EveryCloudTrailRecord_IsJsonWithTheDocumentedRequiredFields()
    {
        foreach (var record in SampleWeek.Records.Where(r => r.Kind == SimulatedLogKind.CloudTrail))
        {
            using var doc = JsonDocument.Parse(record.Text);
            var root = doc.RootElement;
            foreach (var field in RequiredFields)
            {
                Assert.True(root.TryGetProperty(field, out _), $"{field} missing in {record.Text}");
            }

            Assert.Contains(root.GetProperty("eventVersion").GetString(), new[] { "1.08", "1.09", "1.10" });
            Assert.Equal(record.Time, DateTimeOffset.Parse(root.GetProperty("eventTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(record.Account, root.GetProperty("recipientAccountId").GetString());
            Assert.Equal(record.Region, root.GetProperty("awsRegion").GetString());
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", root.GetProperty("eventID").GetString()!);
        }
    }

    [Fact]
    public void AssumedRoleRecords_HaveTheRealSessionShape()
    {
        var record = SampleWeek.Records.First(r => r.Kind == SimulatedLogKind.CloudTrail && r.Text.Contains("\"type\":\"AssumedRole\"", StringComparison.Ordinal) && r.Text.Contains("/aws-reserved/", StringComparison.Ordinal)
            && !r.Text.Contains("\"eventName\":\"ConsoleLogin\"", StringComparison.Ordinal));
        var identity = JsonDocument.Parse(record.Text).RootElement.GetProperty("userIdentity");

        Assert.StartsWith("arn:aws:sts::", identity.GetProperty("arn").GetString());
        Assert.Contains(":assumed-role/", identity.GetProperty("arn").GetString());
        Assert.Matches("^AROA[A-Z2-7]+:.+", identity.GetProperty("principalId").GetString()!);
        Assert.StartsWith("ASIA", identity.GetProperty("accessKeyId").GetString());
        var issuer = identity.GetProperty("sessionContext").GetProperty("sessionIssuer");
        Assert.Equal("Role", issuer.GetProperty("type").GetString());
        Assert.Contains("role/aws-reserved/sso.amazonaws.com/", issuer.GetProperty("arn").GetString());
        Assert.Equal(record.Principal, issuer.GetProperty("arn").GetString());
        Assert.Equal(JsonValueKind.String, identity.GetProperty("sessionContext").GetProperty("attributes").GetProperty("mfaAuthenticated").ValueKind);
    }

    [Fact]
    public void AccessKeyUsers_CarryTheirAkiaKey()
    {
        var record = SampleWeek.Records.First(r => r.Text.Contains("\"accessKeyId\":\"AKIA", StringComparison.Ordinal));
        var identity = JsonDocument.Parse(record.Text).RootElement.GetProperty("userIdentity");

        Assert.Equal("IAMUser", identity.GetProperty("type").GetString());
        Assert.Equal(record.Principal, identity.GetProperty("arn").GetString());
    }

    [Fact]
    public void BenignActivity_HasSomeAccessDeniedAndServiceEvents()
    {
        var benign = SampleWeek.Records.Where(r => r.Scenario is null && r.Kind == SimulatedLogKind.CloudTrail).Select(r => r.Text).ToList();

        Assert.Contains(benign, t => t.Contains("\"errorCode\":\"AccessDenied", StringComparison.Ordinal));
        Assert.Contains(benign, t => t.Contains("\"errorCode\":\"Client.UnauthorizedOperation\"", StringComparison.Ordinal) || t.Contains("\"errorCode\":\"AccessDeniedException\"", StringComparison.Ordinal));
        Assert.Contains(benign, t => t.Contains("\"eventType\":\"AwsServiceEvent\"", StringComparison.Ordinal));
        Assert.Contains(benign, t => t.Contains("\"type\":\"AWSService\"", StringComparison.Ordinal));
        Assert.Contains(benign, t => t.Contains("\"eventName\":\"AssumeRoleWithSAML\"", StringComparison.Ordinal));
    }

    [Fact]
    public void BenignActivity_IsMostlyReadOnly()
    {
        var readOnly = SampleWeek.Records.Where(r => r.Scenario is null && r.Kind == SimulatedLogKind.CloudTrail)
            .Select(r => r.Text.Contains("\"readOnly\":true", StringComparison.Ordinal)).ToList();

        Assert.InRange(readOnly.Count(x => x) / (double)readOnly.Count, 0.6, 0.97);
    }
}
