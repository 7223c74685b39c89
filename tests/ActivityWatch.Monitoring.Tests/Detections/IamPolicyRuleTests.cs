using System.Net;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Detections;

public class IamPolicyRuleTests
{
    private const string AdminDocument = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
    private const string ScopedDocument = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::reports/*"]}]}""";

    [Theory]
    [InlineData("PutUserPolicy", "userName")]
    [InlineData("PutRolePolicy", "roleName")]
    [InlineData("PutGroupPolicy", "groupName")]
    public async Task InlinePolicyPut_RaisesInlinePolicyCreated(string eventName, string holder)
    {
        var record = Call(AssumedRole(), eventName, requestParameters: Parameters(holder, ScopedDocument));
        var matches = await Parsed.MatchesAsync(record);
        Assert.Contains("iam.inline-policy-created", matches);
        Assert.DoesNotContain("iam.admin-policy-granted", matches);
    }

    [Fact]
    public async Task InlinePolicyGrantingEverything_RaisesAdminGranted()
    {
        Assert.Contains("iam.admin-policy-granted", await Parsed.MatchesAsync(Call(AssumedRole(), "PutUserPolicy", requestParameters: Parameters("userName", AdminDocument))));
    }

    [Fact]
    public async Task UrlEncodedPolicyDocument_IsParsed()
    {
        var encoded = WebUtility.UrlEncode(AdminDocument);
        Assert.Contains("iam.admin-policy-granted", await Parsed.MatchesAsync(Call(AssumedRole(), "PutRolePolicy", requestParameters: Parameters("roleName", encoded))));
    }

    [Fact]
    public async Task ManagedPolicyGrantingEverything_RaisesAdminGranted()
    {
        var document = """{"Version":"2012-10-17","Statement":{"Sid":"All","Effect":"Allow","Action":["*"],"Resource":["*"]}}""";
        var record = Call(AssumedRole(), "CreatePolicy", requestParameters: new System.Text.Json.Nodes.JsonObject { ["policyName"] = "Break", ["policyDocument"] = document });
        var matches = await Parsed.MatchesAsync(record);
        Assert.Contains("iam.admin-policy-granted", matches);
        Assert.DoesNotContain("iam.inline-policy-created", matches);
    }

    [Fact]
    public async Task DenyEverything_IsNotAnAdminGrant()
    {
        var document = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""";
        Assert.DoesNotContain("iam.admin-policy-granted", await Parsed.MatchesAsync(Call(AssumedRole(), "PutUserPolicy", requestParameters: Parameters("userName", document))));
    }

    [Fact]
    public async Task AdministratorAccessAttached_RaisesAdminGranted()
    {
        var record = Call(AssumedRole(), "AttachRolePolicy", requestParameters: Json("""{"roleName":"ci-deployer","policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}"""));
        Assert.Contains("iam.admin-policy-granted", await Parsed.MatchesAsync(record));
    }

    [Fact]
    public async Task ReadOnlyAccessAttached_IsNotAnAdminGrant()
    {
        var record = Call(AssumedRole(), "AttachUserPolicy", requestParameters: Json("""{"userName":"bob","policyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}"""));
        var matches = await Parsed.MatchesAsync(record);
        Assert.DoesNotContain("iam.admin-policy-granted", matches);
        Assert.Contains("iam.policy-changed", matches);
    }

    private static System.Text.Json.Nodes.JsonObject Parameters(string holder, string document) => new()
    {
        [holder] = "ci-deployer",
        ["policyName"] = "inline-1",
        ["policyDocument"] = document,
    };
}
