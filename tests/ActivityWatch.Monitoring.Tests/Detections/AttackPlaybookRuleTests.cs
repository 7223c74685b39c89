using System.Text.Json.Nodes;
using ActivityWatch.Monitoring.Detections;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Detections;

/// <summary>
/// The attacker playbook rules on records in the shapes AWS documents for each call (CloudTrail
/// User Guide examples, the service guides' "Logging API calls" pages and Stratus Red Team's
/// published detonation logs), one positive and the nearest benign record per rule.
/// </summary>
public class AttackPlaybookRuleTests
{
    private const string External = "193672423079";

    [Fact]
    public async Task RoleTrustPolicy_OpenedToAnotherAccount_RaisesRoleTrustOpened()
    {
        var policy = $$$$$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{{{{External}}}}}:root"},"Action":"sts:AssumeRole"}]}""";
        var matches = await Parsed.MatchesAsync(Call(AssumedRole(), "UpdateAssumeRolePolicy", requestParameters: new JsonObject { ["roleName"] = "app", ["policyDocument"] = policy }));
        Assert.Contains("iam.role-trust-opened", matches);
    }

    [Fact]
    public async Task RoleTrustPolicy_OwnAccountAndServices_IsNotOpened()
    {
        var policy = $$$$$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com","AWS":"arn:aws:iam::{{{{{Account}}}}}:role/ci"},"Action":"sts:AssumeRole"}]}""";
        var matches = await Parsed.MatchesAsync(Call(AssumedRole(), "CreateRole", requestParameters: new JsonObject { ["roleName"] = "app", ["assumeRolePolicyDocument"] = policy }));
        Assert.DoesNotContain("iam.role-trust-opened", matches);
    }

    [Fact]
    public async Task RoleTrust_ToATrustedAccount_IsNotOpened()
    {
        var policy = $$$$$"""{"Statement":{"Effect":"Allow","Principal":{"AWS":"{{{{{External}}}}}"},"Action":"sts:AssumeRole"}}""";
        var options = new DetectionOptions { TrustedAccounts = [External] };
        var matches = await Parsed.MatchesAsync(Call(AssumedRole(), "UpdateAssumeRolePolicy", requestParameters: new JsonObject { ["roleName"] = "app", ["policyDocument"] = policy }), options);
        Assert.DoesNotContain("iam.role-trust-opened", matches);
    }

    [Theory]
    [InlineData("AddPermission20150331v2", "*", true)]
    [InlineData("AddPermission20150331v2", External, true)]
    [InlineData("AddPermission20150331v2", "s3.amazonaws.com", false)]
    public async Task LambdaAddPermission_ToEveryoneOrAnotherAccount_RaisesResourcePolicyOpened(string eventName, string principal, bool fires)
    {
        var parameters = new JsonObject { ["functionName"] = "billing", ["statementId"] = "backdoor", ["action"] = "lambda:InvokeFunction", ["principal"] = principal };
        var matches = await Parsed.MatchesAsync(Call(AssumedRole(), eventName, "lambda.amazonaws.com", parameters));
        Assert.Equal(fires, matches.Contains("lambda.resource-policy-opened"));
    }

    [Fact]
    public async Task LambdaCode_ReplacedByRoot_Raises_ButRoutineDeploysDoNot()
    {
        var parameters = new JsonObject { ["functionName"] = "billing", ["publish"] = false, ["dryRun"] = false };
        Assert.Contains("lambda.code-or-layers-changed", await Parsed.MatchesAsync(Call(Root(), "UpdateFunctionCode20150331v2", "lambda.amazonaws.com", parameters)));
        Assert.DoesNotContain("lambda.code-or-layers-changed", await Parsed.MatchesAsync(Call(IamUser(), "UpdateFunctionCode20150331v2", "lambda.amazonaws.com", parameters.DeepClone())));
        var viaStack = AssumedRole("deployer");
        viaStack["invokedBy"] = "cloudformation.amazonaws.com";
        Assert.DoesNotContain("lambda.code-or-layers-changed", await Parsed.MatchesAsync(Call(viaStack, "UpdateFunctionCode20150331v2", "lambda.amazonaws.com", parameters.DeepClone(), sourceIp: "cloudformation.amazonaws.com")));
    }

    [Fact]
    public async Task LambdaLayer_AddedFromAnotherAccount_IsNamed()
    {
        var parameters = new JsonObject { ["functionName"] = "billing", ["layers"] = new JsonArray($"arn:aws:lambda:us-east-1:{External}:layer:ext:1") };
        var hits = await Parsed.HitsAsync([Call(AssumedRole(), "UpdateFunctionConfiguration20150331v2", "lambda.amazonaws.com", parameters)]);
        Assert.Contains(External, Assert.Single(hits, h => h.RuleId == "lambda.code-or-layers-changed").Explanation);
    }

    [Theory]
    [InlineData("ModifySnapshotAttribute", """{"snapshotId":"snap-0abc","attributeType":"CREATE_VOLUME_PERMISSION","createVolumePermission":{"add":{"items":[{"userId":"193672423079"}]}}}""", "ec2.amazonaws.com")]
    [InlineData("ModifyImageAttribute", """{"imageId":"ami-0abc","attributeType":"launchPermission","launchPermission":{"add":{"items":[{"group":"all"}]}}}""", "ec2.amazonaws.com")]
    [InlineData("ModifyDBSnapshotAttribute", """{"dBSnapshotIdentifier":"prod-db","attributeName":"restore","valuesToAdd":["193672423079"]}""", "rds.amazonaws.com")]
    [InlineData("ModifyDBClusterSnapshotAttribute", """{"dBClusterSnapshotIdentifier":"prod-cluster","attributeName":"restore","valuesToAdd":["all"]}""", "rds.amazonaws.com")]
    public async Task Snapshot_SharedOutside_RaisesSharedExternally(string eventName, string parameters, string eventSource)
    {
        var matches = await Parsed.MatchesAsync(Call(AssumedRole(), eventName, eventSource, Json(parameters)));
        Assert.Contains("snapshot.shared-externally", matches);
    }

    [Fact]
    public async Task Snapshot_SharedWithOwnAccountOrRemoved_IsNotShared()
    {
        var own = Json($$$$$"""{"snapshotId":"snap-0abc","attributeType":"CREATE_VOLUME_PERMISSION","createVolumePermission":{"add":{"items":[{"userId":"{{{{{Account}}}}}"}]}}}""");
        var removed = Json("""{"snapshotId":"snap-0abc","attributeType":"CREATE_VOLUME_PERMISSION","createVolumePermission":{"remove":{"items":[{"group":"all"}]}}}""");
        Assert.DoesNotContain("snapshot.shared-externally", await Parsed.MatchesAsync(Call(AssumedRole(), "ModifySnapshotAttribute", "ec2.amazonaws.com", own)));
        Assert.DoesNotContain("snapshot.shared-externally", await Parsed.MatchesAsync(Call(AssumedRole(), "ModifySnapshotAttribute", "ec2.amazonaws.com", removed)));
    }

    [Fact]
    public async Task BucketPolicy_GrantingAnotherAccount_RaisesPolicyOpened()
    {
        var parameters = Json($$$$$"""{"bucketName":"prod-data","Host":"prod-data.s3.us-east-1.amazonaws.com","policy":"","bucketPolicy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{{{{External}}}}}:root"},"Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::prod-data","arn:aws:s3:::prod-data/*"]}]}}""");
        var matches = await Parsed.MatchesAsync(Call(AssumedRole(), "PutBucketPolicy", "s3.amazonaws.com", parameters));
        Assert.Contains("s3.bucket-policy-opened", matches);
        Assert.Contains("s3.bucket-policy-changed", matches);
    }

    [Fact]
    public async Task BucketPolicy_PublicButPinnedToTheOrganization_IsNotOpened()
    {
        var parameters = Json("""{"bucketName":"prod-data","bucketPolicy":{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::prod-data/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}}]}}""");
        Assert.DoesNotContain("s3.bucket-policy-opened", await Parsed.MatchesAsync(Call(AssumedRole(), "PutBucketPolicy", "s3.amazonaws.com", parameters)));
    }

    [Fact]
    public async Task Replication_ToAnotherAccount_Raises()
    {
        var parameters = Json($$$$$"""{"bucketName":"prod-data","ReplicationConfiguration":{"Role":"arn:aws:iam::{{{{{Account}}}}}:role/replication","Rule":{"Status":"Enabled","Destination":{"Bucket":"arn:aws:s3:::drop-zone","Account":"{{{{{External}}}}}"}}}}""");
        Assert.Contains("s3.replication-to-other-account", await Parsed.MatchesAsync(Call(AssumedRole(), "PutBucketReplication", "s3.amazonaws.com", parameters)));
    }

    [Theory]
    [InlineData(22, 22, "0.0.0.0/0", true)]
    [InlineData(0, 65535, "0.0.0.0/0", true)]
    [InlineData(443, 443, "0.0.0.0/0", false)]
    [InlineData(22, 22, "10.0.0.0/8", false)]
    public async Task SecurityGroup_AdminPortOpenToTheWorld_Raises(int from, int to, string cidr, bool fires)
    {
        var parameters = Json($$$$$"""{"groupId":"sg-0abc","ipPermissions":{"items":[{"ipProtocol":"tcp","fromPort":{{{{{from}}}}},"toPort":{{{{{to}}}}},"groups":{},"ipRanges":{"items":[{"cidrIp":"{{{{{cidr}}}}}"}]},"ipv6Ranges":{},"prefixListIds":{}}]}}""");
        var matches = await Parsed.MatchesAsync(Call(AssumedRole(), "AuthorizeSecurityGroupIngress", "ec2.amazonaws.com", parameters));
        Assert.Equal(fires, matches.Contains("ec2.admin-port-open-to-internet"));
    }

    [Theory]
    [InlineData("DeleteResolverQueryLogConfig", "route53resolver.amazonaws.com", """{"resolverQueryLogConfigId":"rqlc-1234"}""", "route53resolver.query-logging-deleted")]
    [InlineData("DeleteModelInvocationLoggingConfiguration", "bedrock.amazonaws.com", null, "bedrock.invocation-logging-deleted")]
    [InlineData("DeleteGuardrail", "bedrock.amazonaws.com", """{"guardrailIdentifier":"gr-1"}""", "bedrock.guardrail-deleted")]
    [InlineData("DeleteBucketPublicAccessBlock", "s3.amazonaws.com", """{"bucketName":"prod-data","publicAccessBlock":""}""", "s3.public-access-block-removed")]
    [InlineData("PutBucketPublicAccessBlock", "s3.amazonaws.com", """{"bucketName":"prod-data","PublicAccessBlockConfiguration":{"BlockPublicAcls":false,"IgnorePublicAcls":true,"BlockPublicPolicy":true,"RestrictPublicBuckets":true}}""", "s3.public-access-block-removed")]
    [InlineData("PutBucketLogging", "s3.amazonaws.com", """{"bucketName":"prod-data","BucketLoggingStatus":{"xmlns":"http://s3.amazonaws.com/doc/2006-03-01/"},"logging":""}""", "s3.access-logging-disabled")]
    [InlineData("PutBucketVersioning", "s3.amazonaws.com", """{"bucketName":"prod-data","VersioningConfiguration":{"Status":"Suspended","xmlns":"http://s3.amazonaws.com/doc/2006-03-01/"},"versioning":""}""", "s3.versioning-suspended")]
    [InlineData("CreateTrustAnchor", "rolesanywhere.amazonaws.com", """{"name":"anchor","enabled":true}""", "rolesanywhere.trust-anchor-created")]
    [InlineData("GetFederationToken", "sts.amazonaws.com", """{"name":"stratus","durationSeconds":129600}""", "sts.federation-token")]
    [InlineData("SetDefaultPolicyVersion", "iam.amazonaws.com", """{"policyArn":"arn:aws:iam::123456789012:policy/app","versionId":"v1"}""", "iam.policy-version-rollback")]
    [InlineData("SendSerialConsoleSSHPublicKey", "ec2-instance-connect.amazonaws.com", """{"instanceId":"i-0123456789abcdef0","serialPort":0,"sSHPublicKey":"ssh-ed25519 AAAA"}""", "ec2.serial-console-access")]
    [InlineData("ModifyInstanceAttribute", "ec2.amazonaws.com", """{"instanceId":"i-0123456789abcdef0","userData":"<sensitiveDataRemoved>"}""", "ec2.user-data-modified")]
    [InlineData("CreateNotebookInstanceLifecycleConfig", "sagemaker.amazonaws.com", """{"notebookInstanceLifecycleConfigName":"boot"}""", "sagemaker.lifecycle-config-changed")]
    [InlineData("AssociateIamInstanceProfile", "ec2.amazonaws.com", """{"AssociateIamInstanceProfileRequest":{"InstanceId":"i-0123456789abcdef0","IamInstanceProfile":{"Name":"admin"}}}""", "iam.role-attached-to-compute")]
    public async Task SingleCall_OfTheTechnique_RaisesItsRule(string eventName, string eventSource, string? parameters, string rule)
    {
        var matches = await Parsed.MatchesAsync(Call(AssumedRole(), eventName, eventSource, parameters is null ? null : Json(parameters)));
        Assert.Contains(rule, matches);
    }

    [Fact]
    public async Task VersioningEnabled_AndLoggingEnabled_AreNotTampering()
    {
        var enabled = Json("""{"bucketName":"prod-data","VersioningConfiguration":{"Status":"Enabled"}}""");
        var logging = Json("""{"bucketName":"prod-data","BucketLoggingStatus":{"LoggingEnabled":{"TargetBucket":"logs","TargetPrefix":"prod-data/"}}}""");
        Assert.Empty(await Parsed.MatchesAsync(Call(AssumedRole(), "PutBucketVersioning", "s3.amazonaws.com", enabled)));
        Assert.Empty(await Parsed.MatchesAsync(Call(AssumedRole(), "PutBucketLogging", "s3.amazonaws.com", logging)));
    }

    [Fact]
    public async Task LeaveOrganization_EvenRefused_RaisesLeaveAttempted()
    {
        var matches = await Parsed.MatchesAsync(Call(AssumedRole(), "LeaveOrganization", "organizations.amazonaws.com", errorCode: "AccessDeniedException",
            errorMessage: "You don't have permissions to access this resource."));
        Assert.Contains("organizations.leave-attempted", matches);
        Assert.DoesNotContain("organizations.changed", matches);
    }

    [Fact]
    public async Task GpuInstance_Attempted_RaisesUnusualInstanceType()
    {
        var parameters = Json("""{"instancesSet":{"items":[{"imageId":"ami-0abc","minCount":10,"maxCount":10}]},"instanceType":"p2.xlarge","blockDeviceMapping":{},"monitoring":{"enabled":false},"disableApiTermination":false}""");
        var matches = await Parsed.MatchesAsync(Call(IamUser(), "RunInstances", "ec2.amazonaws.com", parameters, errorCode: "Client.UnauthorizedOperation", errorMessage: "You are not authorized to perform this operation."));
        Assert.Contains("ec2.unusual-instance-type", matches);
        var ordinary = Json("""{"instancesSet":{"items":[{"imageId":"ami-0abc","minCount":1,"maxCount":1}]},"instanceType":"t3.micro"}""");
        Assert.DoesNotContain("ec2.unusual-instance-type", await Parsed.MatchesAsync(Call(IamUser(), "RunInstances", "ec2.amazonaws.com", ordinary)));
    }
}
