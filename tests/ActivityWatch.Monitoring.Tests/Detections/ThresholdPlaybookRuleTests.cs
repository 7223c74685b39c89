using System.Text.Json.Nodes;
using ActivityWatch.Monitoring.Detections;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Detections;

/// <summary>Rules that need a threshold: they stay quiet below it and fire once it is reached, counting distinct things.</summary>
public class ThresholdPlaybookRuleTests
{
    private static IEnumerable<string> Minutes(int count, Func<int, DateTimeOffset, string> record) =>
        Enumerable.Range(0, count).Select(i => record(i, Monday.AddSeconds(20 * i)));

    [Fact]
    public async Task SecureStringParameters_DecryptedInBulk_RaiseBulkRetrieval()
    {
        // Stratus Red Team's detonation: GetParameters by batches of 10 names, withDecryption true.
        var records = Minutes(2, (i, t) => Call(IamUser(), "GetParameters", "ssm.amazonaws.com",
            new JsonObject { ["names"] = new JsonArray(Enumerable.Range(0, 10).Select(n => (JsonNode)$"/credentials/app/credentials-{i * 10 + n}").ToArray()), ["withDecryption"] = true },
            time: t, readOnly: true));
        var hits = (await Parsed.HitsAsync(records)).Where(h => h.RuleId == "secrets.bulk-retrieval").ToList();
        Assert.Contains("10 distinct", hits[0].Explanation);
        Assert.Contains("20 distinct", hits[^1].Explanation);
    }

    [Fact]
    public async Task PlainParameters_OrOneSecretRepeated_AreNotBulkRetrieval()
    {
        var plain = Minutes(15, (i, t) => Call(AssumedRole("app"), "GetParameter", "ssm.amazonaws.com", new JsonObject { ["name"] = $"/config/{i}" }, time: t));
        var sameSecret = Minutes(30, (_, t) => Call(AssumedRole("app"), "GetSecretValue", "secretsmanager.amazonaws.com", new JsonObject { ["secretId"] = "db-password" }, time: t));
        Assert.DoesNotContain(await Parsed.HitsAsync(plain.Concat(sameSecret)), h => h.RuleId == "secrets.bulk-retrieval");
    }

    [Fact]
    public async Task SecretsManagerSecrets_ReadOneByOne_RaiseBulkRetrieval()
    {
        var records = Minutes(10, (i, t) => Call(AssumedRole(), "GetSecretValue", "secretsmanager.amazonaws.com", new JsonObject { ["secretId"] = $"arn:aws:secretsmanager:us-east-1:{Account}:secret:app-{i}" }, time: t));
        Assert.Contains(await Parsed.HitsAsync(records), h => h.RuleId == "secrets.bulk-retrieval");
    }

    [Fact]
    public async Task InstanceCredentials_FromASecondInternetNetwork_RaiseUsedElsewhere()
    {
        var fromInstance = Call(InstanceRole(), "DescribeInstances", "ec2.amazonaws.com", sourceIp: "54.210.10.4", time: Monday);
        var fromVpcEndpoint = Call(InstanceRole(), "GetObject", "s3.amazonaws.com", sourceIp: "10.0.3.17", time: Monday.AddMinutes(1));
        Assert.DoesNotContain(await Parsed.HitsAsync([fromInstance, fromVpcEndpoint]), h => h.RuleId == "ec2.instance-credentials-used-elsewhere");

        var fromOutside = Call(InstanceRole(), "GetCallerIdentity", "sts.amazonaws.com", sourceIp: "203.0.113.50", time: Monday.AddMinutes(30));
        var hit = Assert.Single(await Parsed.HitsAsync([fromInstance, fromVpcEndpoint, fromOutside]), h => h.RuleId == "ec2.instance-credentials-used-elsewhere");
        Assert.Equal(2, hit.EventIds.Count);
    }

    [Fact]
    public async Task SsmCommands_OnManyInstances_RaiseRemoteAccess_ButStateManagerDoesNot()
    {
        var ids = new JsonArray(Enumerable.Range(0, 5).Select(i => (JsonNode)$"i-0{i}23456789abcdef0").ToArray());
        var byPerson = Call(AssumedRole(), "SendCommand", "ssm.amazonaws.com", new JsonObject { ["instanceIds"] = ids, ["documentName"] = "AWS-RunShellScript" });
        Assert.Contains(await Parsed.HitsAsync([byPerson]), h => h.RuleId == "ec2.remote-access-many-instances");

        var service = AssumedRole("AWSServiceRoleForAmazonSSM");
        service["invokedBy"] = "ssm.amazonaws.com";
        var byStateManager = Call(service, "SendCommand", "ssm.amazonaws.com", new JsonObject { ["instanceIds"] = ids.DeepClone(), ["documentName"] = "AWS-RunPatchBaseline" }, sourceIp: "ssm.amazonaws.com");
        Assert.DoesNotContain(await Parsed.HitsAsync([byStateManager]), h => h.RuleId == "ec2.remote-access-many-instances");
    }

    [Fact]
    public async Task SessionsAndInstanceConnect_OnManyInstances_CountTogether()
    {
        var records = Minutes(3, (i, t) => Call(IamUser(), "StartSession", "ssm.amazonaws.com", new JsonObject { ["target"] = $"i-0{i}23456789abcdef0" }, time: t))
            .Concat(Minutes(2, (i, t) => Call(IamUser(), "SendSSHPublicKey", "ec2-instance-connect.amazonaws.com",
                new JsonObject { ["instanceId"] = $"i-0{i + 5}23456789abcdef0", ["instanceOSUser"] = "ec2-user" }, time: t.AddMinutes(2))));
        Assert.Contains(await Parsed.HitsAsync(records), h => h.RuleId == "ec2.remote-access-many-instances");
    }

    [Fact]
    public async Task UserDataAndPasswords_ReadFromManyInstances_RaiseHarvest()
    {
        var records = Minutes(3, (i, t) => Call(AssumedRole(), "DescribeInstanceAttribute", "ec2.amazonaws.com",
                new JsonObject { ["instanceId"] = $"i-0{i}23456789abcdef0", ["attribute"] = "userData" }, time: t))
            .Concat(Minutes(3, (i, t) => Call(AssumedRole(), "GetPasswordData", "ec2.amazonaws.com", new JsonObject { ["instanceId"] = $"i-0{i + 3}23456789abcdef0" },
                errorCode: "Client.UnauthorizedOperation", errorMessage: "You are not authorized to perform this operation.", time: t)));
        Assert.Contains(await Parsed.HitsAsync(records), h => h.RuleId == "ec2.instance-data-harvest");
        var otherAttribute = Minutes(8, (i, t) => Call(AssumedRole(), "DescribeInstanceAttribute", "ec2.amazonaws.com",
            new JsonObject { ["instanceId"] = $"i-0{i}23456789abcdef0", ["attribute"] = "instanceType" }, time: t));
        Assert.DoesNotContain(await Parsed.HitsAsync(otherAttribute), h => h.RuleId == "ec2.instance-data-harvest");
    }

    [Fact]
    public async Task ReconnaissanceFromTheCli_RaisesBurst_ButTheConsoleDoesNot()
    {
        // Stratus Red Team's "discovery commands on an EC2 instance".
        string[] calls = ["GetCallerIdentity|sts", "ListBuckets|s3", "GetAccountSummary|iam", "ListRoles|iam", "ListUsers|iam",
            "GetAccountAuthorizationDetails|iam", "DescribeSnapshots|ec2", "DescribeTrails|cloudtrail", "ListDetectors|guardduty"];
        string Record(string call, int i, bool console)
        {
            var (name, service) = (call.Split('|')[0], call.Split('|')[1]);
            var record = Json(Call(IamUser(), name, $"{service}.amazonaws.com", time: Monday.AddSeconds(5 * i), readOnly: true)).AsObject();
            if (console) record["sessionCredentialFromConsole"] = "true";
            return record.ToJsonString();
        }
        Assert.Contains(await Parsed.HitsAsync(calls.Select((c, i) => Record(c, i, false))), h => h.RuleId == "discovery.api-burst");
        Assert.DoesNotContain(await Parsed.HitsAsync(calls.Select((c, i) => Record(c, i, true))), h => h.RuleId == "discovery.api-burst");
    }

    [Fact]
    public async Task SesEnumeration_RaisesSesRule()
    {
        string[] calls = ["GetAccountSendingEnabled", "GetSendQuota", "ListIdentities", "GetIdentityVerificationAttributes"];
        var records = calls.Select((c, i) => Call(IamUser(), c, "ses.amazonaws.com", time: Monday.AddSeconds(i), readOnly: true));
        Assert.Contains(await Parsed.HitsAsync(records), h => h.RuleId == "ses.enumeration");
    }

    [Fact]
    public async Task BedrockModels_ListedInThreeRegions_RaiseEnumeration()
    {
        var records = new[] { "us-east-1", "us-west-2", "eu-west-3" }.Select((region, i) =>
        {
            var record = Json(Call(IamUser(), "ListFoundationModels", "bedrock.amazonaws.com", time: Monday.AddSeconds(i), readOnly: true)).AsObject();
            record["awsRegion"] = region;
            return record.ToJsonString();
        });
        Assert.Contains(await Parsed.HitsAsync(records), h => h.RuleId == "bedrock.model-enumeration");
    }

    [Fact]
    public async Task BedrockInvoke_WithLongTermKey_OrProbing_RaisesSuspiciousUse_ButARoleDoesNot()
    {
        var invoke = new JsonObject { ["modelId"] = "anthropic.claude-v2" };
        Assert.Contains("bedrock.suspicious-model-use", await Parsed.MatchesAsync(Call(IamUser(), "InvokeModel", "bedrock.amazonaws.com", invoke)));
        Assert.Contains("bedrock.suspicious-model-use", await Parsed.MatchesAsync(Call(AssumedRole(), "InvokeModel", "bedrock.amazonaws.com", invoke.DeepClone(),
            errorCode: "ValidationException", errorMessage: "Malformed input request")));
        Assert.DoesNotContain("bedrock.suspicious-model-use", await Parsed.MatchesAsync(Call(AssumedRole("chatbot"), "InvokeModel", "bedrock.amazonaws.com", invoke.DeepClone())));
    }

    [Fact]
    public async Task ObjectsDeletedInBulk_RaiseMassDeletion()
    {
        var options = new DetectionOptions { MassDeletionThreshold = 20 };
        var records = Enumerable.Range(0, 20).Select(i => Call(AssumedRole(), "DeleteObject", "s3.amazonaws.com",
            new JsonObject { ["bucketName"] = "prod-data", ["Host"] = "prod-data.s3.us-east-1.amazonaws.com", ["key"] = $"invoices/{i}.pdf", ["x-id"] = "DeleteObject" }, time: Monday.AddSeconds(i)));
        Assert.Contains(await Parsed.HitsAsync(records, options), h => h.RuleId == "s3.mass-deletion");
    }

    [Fact]
    public async Task ObjectsRewrittenWithSseC_RaiseCustomerKeyEncryption()
    {
        // Stratus Red Team's sample CopyObject of a file encrypted with a client-provided key.
        var records = Enumerable.Range(0, 10).Select(i => Call(AssumedRole(), "CopyObject", "s3.amazonaws.com", new JsonObject
        {
            ["bucketName"] = "prod-data", ["Host"] = "prod-data.s3.us-east-1.amazonaws.com", ["x-amz-server-side-encryption-customer-algorithm"] = "AES256",
            ["x-amz-copy-source"] = $"prod-data/file-{i}.txt", ["key"] = $"file-{i}.txt", ["x-id"] = "CopyObject",
        }, new JsonObject { ["x-amz-server-side-encryption-customer-algorithm"] = "AES256" }, time: Monday.AddSeconds(i)));
        Assert.Contains(await Parsed.HitsAsync(records), h => h.RuleId == "s3.objects-encrypted-with-customer-key");
    }

    [Theory]
    [InlineData("FILES-DELETED.txt", true)]
    [InlineData("how_to_restore_your_files.html", true)]
    [InlineData("reports/2026/q3.csv", false)]
    public async Task RansomNote_Uploaded_Raises(string key, bool fires)
    {
        var record = Call(AssumedRole(), "PutObject", "s3.amazonaws.com", new JsonObject { ["bucketName"] = "prod-data", ["key"] = key, ["x-id"] = "PutObject" });
        Assert.Equal(fires, (await Parsed.MatchesAsync(record)).Contains("s3.ransom-note-uploaded"));
    }

    private static JsonObject InstanceRole()
    {
        var identity = AssumedRole("web-instance-role", "i-0123456789abcdef0");
        identity["sessionContext"]!["ec2RoleDelivery"] = "2.0";
        return identity;
    }
}
