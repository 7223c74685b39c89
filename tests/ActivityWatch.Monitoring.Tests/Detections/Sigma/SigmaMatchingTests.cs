using System.Text.Json.Nodes;
using ActivityWatch.Monitoring.Detections;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Detections.Sigma;

/// <summary>The test rules on records in AWS's documented shapes, through the real parser.</summary>
public class SigmaMatchingTests
{
    private static async Task<bool> FiresAsync(string file, string json)
    {
        var rule = SigmaRules.Load(file).ToRule();
        return rule.Match(await Parsed.RecordAsync(json), new DetectionContext(new DetectionOptions())) is not null;
    }

    [Fact]
    public async Task ListOfValues_IsOr()
    {
        Assert.True(await FiresAsync("trail_stopped_or_deleted.yml", Call(AssumedRole(), "DeleteTrail", "cloudtrail.amazonaws.com", Json("""{"name":"org-trail"}"""))));
        Assert.False(await FiresAsync("trail_stopped_or_deleted.yml", Call(AssumedRole(), "StartLogging", "cloudtrail.amazonaws.com")));
    }

    [Fact]
    public async Task NotOneOfFilters_WithExists()
    {
        Assert.True(await FiresAsync("root_activity_not_service.yml", Call(Root(), "ListUsers")));
        Assert.False(await FiresAsync("root_activity_not_service.yml", Call(Root(invokedBy: "cloudformation.amazonaws.com"), "CreateRole")));
        Assert.False(await FiresAsync("root_activity_not_service.yml", ServiceEvent(Root(), "RotateKey", "kms.amazonaws.com")));
    }

    [Fact]
    public async Task FieldRef_ComparesTwoFieldsOfTheRecord()
    {
        Assert.True(await FiresAsync("iam_key_for_other_user.yml", Call(IamUser("alice"), "CreateAccessKey", requestParameters: Json("""{"userName":"bob"}"""))));
        Assert.False(await FiresAsync("iam_key_for_other_user.yml", Call(IamUser("alice"), "CreateAccessKey", requestParameters: Json("""{"userName":"Alice"}"""))));
    }

    [Theory]
    [InlineData("prod/billing/db-password", true)]
    [InlineData("PROD/billing/DB-PASSWORD", true)]
    [InlineData("prod/billing/db-passwords", false)]
    [InlineData("staging/billing/db-password", false)]
    public async Task Wildcards_AreCaseInsensitive_AndAnchored(string secretId, bool fires)
    {
        var record = Call(AssumedRole("AWSReservedSSO_Admin_0123456789abcdef"), "GetSecretValue", "secretsmanager.amazonaws.com", new JsonObject { ["secretId"] = secretId });
        Assert.Equal(fires, await FiresAsync("secrets_wildcards.yml", record));
    }

    [Theory]
    [InlineData("PutBucketPolicy", "203.0.113.9", true)]
    [InlineData("PutBucketPolicy", "198.51.100.23", false)]
    [InlineData("PutBucketPolicy", "2001:db8::5", false)]
    [InlineData("PutBucketAcl", "203.0.113.9", false)]
    public async Task StartsWithEndsWithAndCidr(string eventName, string sourceIp, bool fires)
    {
        var record = Call(AssumedRole(), eventName, "s3.amazonaws.com", Json("""{"bucketName":"b"}"""), sourceIp: sourceIp);
        Assert.Equal(fires, await FiresAsync("s3_public_from_outside.yml", record));
    }

    [Theory]
    [InlineData("aws-cli/2.17.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1 md/distrib#Kali.2024", true)]
    [InlineData("Boto3/1.34 Pacu/1.5", true)]
    [InlineData("stratus-red-team_e1d92b9d-2488-4244-97b4-0a5e914287ba", true)]
    [InlineData("aws-cli/2.17.0 md/Botocore#1.34.0 os/linux#6.1 md/distrib#debian.12", false)]
    public async Task OneOfSelections_WithRegexAndContains(string userAgent, bool fires)
    {
        var record = Json(Call(IamUser(), "ListBuckets", "s3.amazonaws.com")).AsObject();
        record["userAgent"] = userAgent;
        Assert.Equal(fires, await FiresAsync("recon_user_agents.yml", record.ToJsonString()));
    }

    [Fact]
    public async Task AllOfThem_RequiresEverySelection()
    {
        Assert.True(await FiresAsync("console_login_no_mfa_all.yml", ConsoleLogin(IamUser(), mfaUsed: "No")));
        Assert.False(await FiresAsync("console_login_no_mfa_all.yml", ConsoleLogin(IamUser(), mfaUsed: "Yes")));
        Assert.False(await FiresAsync("console_login_no_mfa_all.yml", ConsoleLogin(IamUser(), success: false)));
    }

    [Theory]
    [InlineData("ModifySnapshotAttribute", """{"snapshotId":"snap-1","createVolumePermission":{"add":{"items":[{"userId":"111"},{"group":"all"}]}}}""", true)]
    [InlineData("ModifySnapshotAttribute", """{"snapshotId":"snap-1","createVolumePermission":{"remove":{"items":[{"group":"all"}]}}}""", false)]
    [InlineData("ModifyImageAttribute", """{"imageId":"ami-1","launchPermission":{"add":{"items":[{"group":"all"}]}}}""", true)]
    [InlineData("ModifyDBSnapshotAttribute", """{"dBSnapshotIdentifier":"db","attributeName":"restore","valuesToAdd":["all"]}""", true)]
    public async Task ListOfMaps_AndPathsThroughArrays(string eventName, string parameters, bool fires)
    {
        var record = Call(AssumedRole(), eventName, eventName.Contains("DB") ? "rds.amazonaws.com" : "ec2.amazonaws.com", Json(parameters));
        Assert.Equal(fires, await FiresAsync("snapshot_public_list_of_maps.yml", record));
    }

    [Fact]
    public async Task ContainsAll_NeedsEveryValue()
    {
        Assert.True(await FiresAsync("lambda_layer_all.yml", Call(AssumedRole(), "UpdateFunctionConfiguration20150331v2", "lambda.amazonaws.com",
            Json("""{"functionName":"f","layers":["arn:aws:lambda:us-east-1:193672423079:layer:x:1"]}"""))));
        Assert.False(await FiresAsync("lambda_layer_all.yml", Call(AssumedRole(), "UpdateFunctionConfiguration20150331v2", "lambda.amazonaws.com",
            Json("""{"functionName":"f","layers":["arn:aws:lambda:us-east-1:123456789012:layer:x:1"]}"""))));
    }

    [Fact]
    public async Task NullAndParentheses()
    {
        Assert.True(await FiresAsync("error_null_and_parentheses.yml", Call(AssumedRole(), "DisableKey", "kms.amazonaws.com", Json("""{"keyId":"k"}"""))));
        Assert.False(await FiresAsync("error_null_and_parentheses.yml", Call(AssumedRole(), "DisableKey", "kms.amazonaws.com", errorCode: "AccessDeniedException")));
        Assert.False(await FiresAsync("error_null_and_parentheses.yml", Call(AssumedRole(), "EnableKey", "kms.amazonaws.com")));
    }

    [Theory]
    [InlineData(129600, true)]
    [InlineData(3600, false)]
    public async Task NumericComparison(int seconds, bool fires)
    {
        var record = Call(IamUser(), "GetFederationToken", "sts.amazonaws.com", new JsonObject { ["name"] = "x", ["durationSeconds"] = seconds });
        Assert.Equal(fires, await FiresAsync("short_window_numbers.yml", record));
    }

    [Fact]
    public async Task EveryLoadableRule_OnHostileRecords_NeverThrows()
    {
        JsonNode?[] shapes = [null, "text", 42, new JsonArray(1, null, "x"), new JsonObject { ["a"] = new JsonArray(new JsonArray(new JsonObject())) }, new string('x', 100_000)];
        var context = new DetectionContext(new DetectionOptions());
        foreach (var file in SigmaRules.Files("loadable").Select(Path.GetFileName))
        {
            var rule = SigmaRules.Load(file!).ToRule();
            foreach (var shape in shapes)
            {
                var record = Json(Call(IamUser(), "CreateAccessKey", requestParameters: shape?.DeepClone(), responseElements: shape?.DeepClone())).AsObject();
                record["userIdentity"] = shape?.DeepClone();
                record["additionalEventData"] = shape?.DeepClone();
                record["userAgent"] = shape?.DeepClone();
                try { rule.Match(await Parsed.RecordAsync(record.ToJsonString()), context); }
                catch (InvalidOperationException e) when (e.Message.StartsWith("rejected", StringComparison.Ordinal)) { }
            }
        }
    }
}
