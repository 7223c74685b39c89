using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Detections;

public class RootUsageRuleTests
{
    [Fact]
    public async Task RootConsoleSignIn_Success_RaisesRootSignIn()
    {
        var matches = await Parsed.MatchesAsync(ConsoleLogin(Root(), success: true, mfaUsed: "Yes"));
        Assert.Contains("root.console-signin", matches);
        Assert.DoesNotContain("root.api-call", matches);
    }

    [Fact]
    public async Task RootConsoleSignIn_Failure_CountsTowardsBruteForceNotSignIn()
    {
        var matches = await Parsed.MatchesAsync(ConsoleLogin(Root(), success: false));
        Assert.Contains("root.console-signin-failures", matches);
        Assert.Contains("signin.console-failures", matches);
        Assert.DoesNotContain("root.console-signin", matches);
    }

    [Fact]
    public async Task RootApiCall_ByRootItself_RaisesRootApiCall()
    {
        var hits = await Parsed.HitsAsync([Call(Root(), "ListUsers", readOnly: true)]);
        Assert.Equal(["root.api-call"], hits.Select(h => h.RuleId));
    }

    [Fact]
    public async Task RootRecord_WithInvokedBy_IsNotRootUsage()
    {
        var matches = await Parsed.MatchesAsync(Call(Root(invokedBy: "cloudformation.amazonaws.com"), "CreateRole", sourceIp: "cloudformation.amazonaws.com"));
        Assert.DoesNotContain(matches, m => m.StartsWith("root."));
    }

    [Fact]
    public async Task RootRecord_AwsServiceEvent_IsNotRootUsage()
    {
        var matches = await Parsed.MatchesAsync(ServiceEvent(Root(), "RotateKey", "kms.amazonaws.com"));
        Assert.DoesNotContain(matches, m => m.StartsWith("root."));
    }

    [Fact]
    public async Task IamUserApiCall_IsNotRootUsage()
    {
        Assert.Empty(await Parsed.HitsAsync([Call(IamUser(), "ListUsers")]));
    }

    [Fact]
    public async Task RootCreatesAccessKeyForItself_RaisesRootAccessKeyCreated()
    {
        var response = Json("""{"accessKey":{"accessKeyId":"AKIAROOTNEWKEY000001","status":"Active","createDate":"Nov 2, 2026 8:00:00 AM"}}""");
        var matches = await Parsed.MatchesAsync(Call(Root(), "CreateAccessKey", responseElements: response));
        Assert.Contains("root.access-key-created", matches);
        Assert.DoesNotContain("iam.backdoor-credentials", matches);
    }

    [Fact]
    public async Task RootCreatesAccessKeyInTheConsole_AsLogged_RaisesRootAccessKeyCreated()
    {
        // The console's record: invokedBy and userAgent signin.amazonaws.com, requestParameters null,
        // an MFA-authenticated root session. The CIS 5.3 filter (no invokedBy) would drop it.
        var identity = Root();
        identity["invokedBy"] = "signin.amazonaws.com";
        identity["sessionContext"] = new System.Text.Json.Nodes.JsonObject
        {
            ["attributes"] = new System.Text.Json.Nodes.JsonObject { ["creationDate"] = "2026-11-02T07:58:00Z", ["mfaAuthenticated"] = "true" },
        };
        var record = Json(Call(identity, "CreateAccessKey", sourceIp: "198.51.100.23",
            responseElements: Json("""{"accessKey":{"accessKeyId":"AKIAROOTNEWKEY000001","status":"Active","createDate":"Nov 2, 2026 8:00:00 AM"}}"""))).AsObject();
        record["userAgent"] = "signin.amazonaws.com";
        var matches = await Parsed.MatchesAsync(record.ToJsonString());
        Assert.Contains("root.access-key-created", matches);
    }

    [Fact]
    public async Task OneFailedRootSignIn_RaisesAnAlert()
    {
        var hits = await Parsed.HitsAsync([ConsoleLogin(Root(), success: false)]);
        Assert.Contains(hits, h => h.RuleId == "root.console-signin-failures");
    }

    [Fact]
    public async Task RootCreatesAccessKeyForAnIamUser_IsABackdoorNotARootKey()
    {
        var matches = await Parsed.MatchesAsync(Call(Root(), "CreateAccessKey", requestParameters: Json("""{"userName":"bob"}""")));
        Assert.DoesNotContain("root.access-key-created", matches);
        Assert.Contains("iam.backdoor-credentials", matches);
    }

    [Fact]
    public async Task RootLongTermAccessKey_Used_RaisesRootAccessKeyUsed()
    {
        var matches = await Parsed.MatchesAsync(Call(Root(accessKeyId: "AKIAROOTKEY000000001"), "DescribeInstances", "ec2.amazonaws.com"));
        Assert.Contains("root.access-key-used", matches);
    }

    [Fact]
    public async Task RootConsoleSession_TemporaryKey_IsNotRootAccessKeyUse()
    {
        var matches = await Parsed.MatchesAsync(Call(Root(), "DescribeInstances", "ec2.amazonaws.com"));
        Assert.DoesNotContain("root.access-key-used", matches);
    }

    [Theory]
    [InlineData("PasswordUpdated", "signin.amazonaws.com")]
    [InlineData("EnableMFADevice", "iam.amazonaws.com")]
    [InlineData("DeactivateMFADevice", "iam.amazonaws.com")]
    public async Task RootPasswordOrMfaChange_RaisesRootCredentialsChanged(string eventName, string eventSource)
    {
        var matches = await Parsed.MatchesAsync(Call(Root(), eventName, eventSource, eventType: eventSource.StartsWith("signin") ? "AwsConsoleSignIn" : "AwsApiCall"));
        Assert.Contains("root.credentials-changed", matches);
    }

    [Fact]
    public async Task IamUserChangesOwnPassword_IsNotRootCredentialChange()
    {
        var matches = await Parsed.MatchesAsync(Call(IamUser(), "ChangePassword"));
        Assert.DoesNotContain("root.credentials-changed", matches);
    }
}
