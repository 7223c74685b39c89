using ActivityWatch.Monitoring.Detections;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Detections;

public class CredentialRuleTests
{
    [Theory]
    [InlineData("DeactivateMFADevice")]
    [InlineData("DeleteVirtualMFADevice")]
    public async Task MfaDeviceRemoved_Raises(string eventName)
    {
        var record = Call(AssumedRole(), eventName, requestParameters: Json("""{"userName":"bob","serialNumber":"arn:aws:iam::123456789012:mfa/bob"}"""));
        Assert.Contains("iam.mfa-device-removed", await Parsed.MatchesAsync(record));
    }

    [Fact]
    public async Task MfaDeviceRemoval_Refused_DoesNotRaise()
    {
        var record = Call(AssumedRole(), "DeactivateMFADevice", requestParameters: Json("""{"userName":"bob","serialNumber":"arn:aws:iam::123456789012:mfa/bob"}"""),
            errorCode: "AccessDenied", errorMessage: "User is not authorized to perform: iam:DeactivateMFADevice");
        Assert.DoesNotContain("iam.mfa-device-removed", await Parsed.MatchesAsync(record));
    }

    [Theory]
    [InlineData("CreateLoginProfile")]
    [InlineData("UpdateLoginProfile")]
    [InlineData("CreateAccessKey")]
    public async Task CredentialsMadeForAnotherUser_RaisesBackdoor(string eventName)
    {
        var record = Call(IamUser("alice"), eventName, requestParameters: Json("""{"userName":"bob","passwordResetRequired":false}"""));
        Assert.Contains("iam.backdoor-credentials", await Parsed.MatchesAsync(record));
    }

    [Fact]
    public async Task AccessKeyCreatedForSelf_WithoutUserName_IsNotABackdoor()
    {
        Assert.DoesNotContain("iam.backdoor-credentials", await Parsed.MatchesAsync(Call(IamUser("alice"), "CreateAccessKey")));
    }

    [Fact]
    public async Task AccessKeyCreatedForSelf_NamingOwnUser_IsNotABackdoor()
    {
        var record = Call(IamUser("alice"), "CreateAccessKey", requestParameters: Json("""{"userName":"alice"}"""));
        Assert.DoesNotContain("iam.backdoor-credentials", await Parsed.MatchesAsync(record));
    }

    [Fact]
    public async Task AccessKeyOfAnotherUserDeactivated_IsNotABackdoor()
    {
        var record = Call(IamUser("alice"), "UpdateAccessKey", requestParameters: Json("""{"userName":"bob","accessKeyId":"AKIABOBKEY0000000001","status":"Inactive"}"""));
        Assert.DoesNotContain("iam.backdoor-credentials", await Parsed.MatchesAsync(record));
    }

    [Fact]
    public async Task AccessKeyOfAnotherUserReactivated_RaisesBackdoor()
    {
        var record = Call(IamUser("alice"), "UpdateAccessKey", requestParameters: Json("""{"userName":"bob","accessKeyId":"AKIABOBKEY0000000001","status":"Active"}"""));
        Assert.Contains("iam.backdoor-credentials", await Parsed.MatchesAsync(record));
    }

    [Fact]
    public async Task PasswordPolicyBelowBaseline_RaisesPolicyWeakened()
    {
        var record = Call(AssumedRole(), "UpdateAccountPasswordPolicy",
            requestParameters: Json("""{"minimumPasswordLength":8,"requireSymbols":false,"requireNumbers":true,"requireUppercaseCharacters":true,"requireLowercaseCharacters":true,"allowUsersToChangePassword":true,"passwordReusePrevention":24}"""));
        Assert.Contains("iam.password-policy-weakened", await Parsed.MatchesAsync(record));
    }

    [Fact]
    public async Task PasswordPolicyAtBaseline_DoesNotRaise()
    {
        var record = Call(AssumedRole(), "UpdateAccountPasswordPolicy",
            requestParameters: Json("""{"minimumPasswordLength":16,"requireSymbols":true,"requireNumbers":true,"allowUsersToChangePassword":true,"maxPasswordAge":90,"passwordReusePrevention":24}"""));
        Assert.DoesNotContain("iam.password-policy-weakened", await Parsed.MatchesAsync(record));
    }

    [Fact]
    public async Task PasswordPolicyDeleted_RaisesPolicyWeakened()
    {
        Assert.Contains("iam.password-policy-weakened", await Parsed.MatchesAsync(Call(AssumedRole(), "DeleteAccountPasswordPolicy")));
    }

    [Fact]
    public async Task PasswordPolicyBaseline_IsConfigurable()
    {
        var record = Call(AssumedRole(), "UpdateAccountPasswordPolicy", requestParameters: Json("""{"minimumPasswordLength":12,"passwordReusePrevention":5}"""));
        var options = new DetectionOptions { MinimumPasswordLength = 12, MinimumPasswordReusePrevention = 5 };
        Assert.DoesNotContain("iam.password-policy-weakened", await Parsed.MatchesAsync(record, options));
    }
}
