using ActivityWatch.Monitoring.Records;
using static ActivityWatch.Ingestion.Tests.Parsing.CloudTrailSamples;
using static ActivityWatch.Ingestion.Tests.Parsing.ParsingKit;

namespace ActivityWatch.Ingestion.Tests.Parsing;

public class CloudTrailPrincipalTests
{
    [Fact]
    public async Task IamUser_IsItsArn()
    {
        var record = await ReadSingleAsync(Records(Record()));

        Assert.Equal(IdentityTypes.IamUser, record.IdentityType);
        Assert.Equal("arn:aws:iam::123456789012:user/Alice", record.Principal);
        Assert.Null(record.SessionName);
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", record.AccessKeyId);
        Assert.Equal("123456789012", record.PrincipalAccountId);
    }

    [Fact]
    public async Task AssumedRole_RollsUpToSessionIssuerRole_KeepingThePath()
    {
        var record = await ReadSingleAsync(Records(Record(AssumedRoleIdentity)));

        Assert.Equal(IdentityTypes.AssumedRole, record.IdentityType);
        Assert.Equal("arn:aws:iam::123456789012:role/ops/Admin", record.Principal);
        Assert.Equal("alice@example.com", record.SessionName);
        Assert.True(record.Mfa);
    }

    [Fact]
    public async Task AssumedRole_WithoutSessionIssuer_RebuildsTheRoleArnFromTheStsArn()
    {
        const string identity = """{"type":"AssumedRole","principalId":"AROAEXAMPLE:build-42","arn":"arn:aws-cn:sts::123456789012:assumed-role/Deployer/build-42","accountId":"123456789012"}""";

        var record = await ReadSingleAsync(Records(Record(identity)));

        Assert.Equal("arn:aws-cn:iam::123456789012:role/Deployer", record.Principal);
        Assert.Equal("build-42", record.SessionName);
    }

    [Fact]
    public async Task Root_IsTheAccountRootArn_InTheArnsPartition()
    {
        const string identity = """{"type":"Root","principalId":"123456789012","arn":"arn:aws-us-gov:iam::123456789012:root","accountId":"123456789012","accessKeyId":""}""";

        var record = await ReadSingleAsync(Records(Record(identity)));

        Assert.Equal(IdentityTypes.Root, record.IdentityType);
        Assert.Equal("arn:aws-us-gov:iam::123456789012:root", record.Principal);
        Assert.Null(record.AccessKeyId);
    }

    [Fact]
    public async Task FederatedUser_RollsUpToSessionIssuer_WithTheFederatedNameAsSession()
    {
        const string identity = """{"type":"FederatedUser","principalId":"123456789012:Bob","arn":"arn:aws:sts::123456789012:federated-user/Bob","accountId":"123456789012","accessKeyId":"ASIAEXAMPLE","sessionContext":{"sessionIssuer":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::123456789012:user/token-broker","accountId":"123456789012","userName":"token-broker"},"attributes":{"mfaAuthenticated":"false","creationDate":"2024-01-15T08:00:00Z"}}}""";

        var record = await ReadSingleAsync(Records(Record(identity)));

        Assert.Equal(IdentityTypes.FederatedUser, record.IdentityType);
        Assert.Equal("arn:aws:iam::123456789012:user/token-broker", record.Principal);
        Assert.Equal("Bob", record.SessionName);
        Assert.False(record.Mfa);
    }

    [Fact]
    public async Task FederatedUser_WithoutSessionIssuer_IsItsArn()
    {
        const string identity = """{"type":"FederatedUser","principalId":"123456789012:Bob","arn":"arn:aws:sts::123456789012:federated-user/Bob","accountId":"123456789012"}""";

        var record = await ReadSingleAsync(Records(Record(identity)));

        Assert.Equal("arn:aws:sts::123456789012:federated-user/Bob", record.Principal);
        Assert.Equal("Bob", record.SessionName);
    }

    [Fact]
    public async Task AwsService_IsTheInvokingServicePrincipal()
    {
        const string identity = """{"type":"AWSService","invokedBy":"lambda.amazonaws.com"}""";

        var record = await ReadSingleAsync(Records(Record(identity, "AssumeRole", "sts.amazonaws.com")));

        Assert.Equal(IdentityTypes.AwsService, record.IdentityType);
        Assert.Equal("lambda.amazonaws.com", record.Principal);
        Assert.Equal("lambda.amazonaws.com", record.InvokedBy);
    }

    [Fact]
    public async Task AwsService_WithoutInvokedBy_FallsBackToTheEventSource()
    {
        var record = await ReadSingleAsync(Records(Record("""{"type":"AWSService"}""", "RotateKey", "kms.amazonaws.com")));

        Assert.Equal("kms.amazonaws.com", record.Principal);
    }

    [Fact]
    public async Task AwsAccount_IsTheOtherAccountsRoot_WhileAccountIdStaysTheRecipient()
    {
        const string identity = """{"type":"AWSAccount","principalId":"AIDAEXAMPLEOTHER","accountId":"111122223333"}""";

        var record = await ReadSingleAsync(Records(Record(identity, "GetObject", "s3.amazonaws.com")));

        Assert.Equal(IdentityTypes.AwsAccount, record.IdentityType);
        Assert.Equal("arn:aws:iam::111122223333:root", record.Principal);
        Assert.Equal("111122223333", record.PrincipalAccountId);
        Assert.Equal("123456789012", record.AccountId);
    }

    [Fact]
    public async Task IdentityCenterUser_IsNamedByIdentityStoreAndUserId()
    {
        const string identity = """{"type":"IdentityCenterUser","accountId":"123456789012","onBehalfOf":{"userId":"544894e8-80c1-707f-60e3-3ba6510dfac1","identityStoreArn":"arn:aws:identitystore::123456789012:identitystore/d-9067642ac7"},"credentialId":"EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE"}""";

        var record = await ReadSingleAsync(Records(Record(identity, "ListBuckets", "s3.amazonaws.com")));

        Assert.Equal(IdentityTypes.IdentityCenterUser, record.IdentityType);
        Assert.Equal("identitycenter:arn:aws:identitystore::123456789012:identitystore/d-9067642ac7/544894e8-80c1-707f-60e3-3ba6510dfac1", record.Principal);
    }

    [Fact]
    public async Task SamlUser_IsNamedByProviderAndUserName()
    {
        const string identity = """{"type":"SAMLUser","principalId":"SampleUkh1i4+ExamplexL/jEvs=:SamlExample","userName":"SamlExample","identityProvider":"bdGOnTesti4+ExamplexL/jEvs="}""";

        var record = await ReadSingleAsync(Records(Record(identity, "AssumeRoleWithSAML", "sts.amazonaws.com")));

        Assert.Equal(IdentityTypes.SamlUser, record.IdentityType);
        Assert.Equal("saml:bdGOnTesti4+ExamplexL/jEvs=/SamlExample", record.Principal);
    }

    [Fact]
    public async Task WebIdentityUser_IsNamedByProviderAndUserName()
    {
        const string identity = """{"type":"WebIdentityUser","principalId":"accounts.google.com:application-id.apps.googleusercontent.com:user-id","userName":"user-id","identityProvider":"accounts.google.com"}""";

        var record = await ReadSingleAsync(Records(Record(identity, "AssumeRoleWithWebIdentity", "sts.amazonaws.com")));

        Assert.Equal(IdentityTypes.WebIdentityUser, record.IdentityType);
        Assert.Equal("webidentity:accounts.google.com/user-id", record.Principal);
    }

    [Fact]
    public async Task UnknownType_FallsBackToUserName_WhenPrincipalIdIsEmpty()
    {
        const string identity = """{"type":"Unknown","principalId":"","accountId":"123456789012","accessKeyId":"","userName":"HIDDEN_DUE_TO_SECURITY_REASONS"}""";

        var record = await ReadSingleAsync(Records(Record(identity, "ConsoleLogin", "signin.amazonaws.com")));

        Assert.Equal(IdentityTypes.Unknown, record.IdentityType);
        Assert.Equal("HIDDEN_DUE_TO_SECURITY_REASONS", record.Principal);
    }

    [Fact]
    public async Task MissingUserIdentity_IsUnknown_AndAccountComesFromTheRecipient()
    {
        var withoutIdentity = Record().Replace("\"userIdentity\":" + IamUserIdentity + ",", "");

        var record = await ReadSingleAsync(Records(withoutIdentity));

        Assert.Equal(IdentityTypes.Unknown, record.IdentityType);
        Assert.Equal(Principals.Unknown, record.Principal);
        Assert.Equal("123456789012", record.AccountId);
        Assert.Null(record.PrincipalAccountId);
    }
}
