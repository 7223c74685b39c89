using ActivityWatch.Monitoring.Detections;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Detections;

public class SignInRuleTests
{
    private const string Rule = "signin.console-without-mfa";
    private const string Okta = "arn:aws:iam::123456789012:saml-provider/Okta";

    [Fact]
    public async Task IamUserConsoleLogin_WithoutMfa_Raises()
    {
        Assert.Contains(Rule, await Parsed.MatchesAsync(ConsoleLogin(IamUser(), mfaUsed: "No")));
    }

    [Fact]
    public async Task IamUserConsoleLogin_WithMfa_DoesNotRaise()
    {
        Assert.DoesNotContain(Rule, await Parsed.MatchesAsync(ConsoleLogin(IamUser(), mfaUsed: "Yes")));
    }

    [Fact]
    public async Task RootConsoleLogin_WithoutMfa_Raises()
    {
        Assert.Contains(Rule, await Parsed.MatchesAsync(ConsoleLogin(Root(), mfaUsed: "No")));
    }

    [Fact]
    public async Task FailedConsoleLogin_IsAFailureNotAnMfaLessSignIn()
    {
        var matches = await Parsed.MatchesAsync(ConsoleLogin(IamUser(), success: false, mfaUsed: "No"));
        Assert.DoesNotContain(Rule, matches);
        Assert.Contains("signin.console-failures", matches);
    }

    [Fact]
    public async Task SuccessfulConsoleLogin_IsNotAFailure()
    {
        Assert.DoesNotContain("signin.console-failures", await Parsed.MatchesAsync(ConsoleLogin(IamUser(), mfaUsed: "Yes")));
    }

    [Fact]
    public async Task SamlFederatedSignIn_WithoutMfaFlag_DoesNotRaiseByDefault()
    {
        Assert.DoesNotContain(Rule, await Parsed.MatchesAsync(ConsoleLogin(AssumedRole("OktaAdmins", "alice@example.com"), samlProviderArn: Okta)));
    }

    [Theory]
    [InlineData("Okta")]
    [InlineData(Okta)]
    public async Task SamlFederatedSignIn_FromProviderListedAsMfaLess_Raises(string listed)
    {
        var options = new DetectionOptions { MfaLessFederatedProviders = [listed] };
        Assert.Contains(Rule, await Parsed.MatchesAsync(ConsoleLogin(AssumedRole("OktaAdmins", "alice@example.com"), samlProviderArn: Okta), options));
    }

    [Fact]
    public async Task IdentityCenterSignIn_DoesNotRaiseUnlessListed()
    {
        var record = ConsoleLogin(AssumedRole("AWSReservedSSO_AdministratorAccess_0123456789abcdef", "alice"));
        Assert.DoesNotContain(Rule, await Parsed.MatchesAsync(record));
        Assert.Contains(Rule, await Parsed.MatchesAsync(record, new DetectionOptions { MfaLessFederatedProviders = ["identity-center"] }));
    }

    [Fact]
    public async Task AssumedRoleSwitchRoleSignIn_DoesNotRaiseByDefault()
    {
        Assert.DoesNotContain(Rule, await Parsed.MatchesAsync(ConsoleLogin(AssumedRole("Admin", "alice"))));
    }

    [Fact]
    public async Task IamUserSessionWithoutMfa_WriteAction_RaisesApiWithoutMfa()
    {
        var record = Call(IamUser(sessionMfa: false), "TerminateInstances", "ec2.amazonaws.com", Json("""{"instancesSet":{"items":[{"instanceId":"i-0123456789abcdef0"}]}}"""));
        Assert.Contains("iam.api-without-mfa", await Parsed.MatchesAsync(record));
    }

    [Fact]
    public async Task IamUserSessionWithoutMfa_PermissionsManagement_RaisesApiWithoutMfa()
    {
        var record = Call(IamUser(sessionMfa: false), "PutBucketPolicy", "s3.amazonaws.com", Json("""{"bucketName":"reports"}"""));
        Assert.Contains("iam.api-without-mfa", await Parsed.MatchesAsync(record));
    }

    [Fact]
    public async Task IamUserSessionWithMfa_WriteAction_DoesNotRaise()
    {
        Assert.DoesNotContain("iam.api-without-mfa", await Parsed.MatchesAsync(Call(IamUser(sessionMfa: true), "TerminateInstances", "ec2.amazonaws.com")));
    }

    [Fact]
    public async Task IamUserSessionWithoutMfa_ReadAction_DoesNotRaise()
    {
        Assert.DoesNotContain("iam.api-without-mfa", await Parsed.MatchesAsync(Call(IamUser(sessionMfa: false), "DescribeInstances", "ec2.amazonaws.com")));
    }

    [Fact]
    public async Task LongTermAccessKey_WithoutSessionContext_DoesNotRaiseApiWithoutMfa()
    {
        Assert.DoesNotContain("iam.api-without-mfa", await Parsed.MatchesAsync(Call(IamUser(), "TerminateInstances", "ec2.amazonaws.com")));
    }

    [Fact]
    public async Task AssumedRoleWithoutMfa_WriteAction_DoesNotRaiseApiWithoutMfa()
    {
        Assert.DoesNotContain("iam.api-without-mfa", await Parsed.MatchesAsync(Call(AssumedRole(), "TerminateInstances", "ec2.amazonaws.com")));
    }
}
