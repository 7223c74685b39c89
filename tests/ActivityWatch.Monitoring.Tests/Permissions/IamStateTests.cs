using System.Text.Json;
using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.Policies;

namespace ActivityWatch.Monitoring.Tests.Permissions;

public sealed class IamStateTests
{
    private static readonly DateTimeOffset Captured = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static IamAccountState State() => IamAccountState.From(PermissionFixtures.AuthorizationDetails(), Captured);

    private static EffectivePermissions Evaluate(IamAccountState state, string arn) =>
        new PolicyEvaluator(PermissionFixtures.Catalog()).Evaluate(PrincipalPolicies.For(state, state.FindByArn(arn)!).Policies);

    private static void Replay(IamAccountState state, string eventName, string request, string? response = null) =>
        Assert.True(CloudTrailIamChanges.Apply(state, eventName,
            JsonDocument.Parse($$"""{"requestParameters":{{request}},"responseElements":{{response ?? "null"}}}""").RootElement, Captured.AddDays(1)));

    [Fact]
    public void CallWithoutRequestParameters_ChangesNothing_InsteadOfFailingTheReport()
    {
        var state = State();
        var users = state.Users.Count;

        var applied = CloudTrailIamChanges.Apply(state, "CreateUser",
            JsonDocument.Parse("""{"requestParameters":null,"responseElements":null}""").RootElement, Captured.AddDays(1));

        Assert.False(applied);
        Assert.Equal(users, state.Users.Count);
    }

    [Fact]
    public void AuthorizationDetails_AreParsedWithEncodedAndObjectDocuments()
    {
        var snapshot = PermissionFixtures.AuthorizationDetails();

        Assert.Equal(PermissionFixtures.Account, snapshot.AccountId);
        Assert.Equal(["alice", "bob"], snapshot.Users.Select(u => u.Name).ToArray());
        Assert.StartsWith("{\"Version\"", snapshot.Users[0].InlinePolicies["own-keys"]);
        Assert.Equal("arn:aws:iam::123456789012:role/service/Deployer", snapshot.Roles[0].Arn);
        Assert.Contains("NotAction", snapshot.Policies[1].Versions["v1"]);
    }

    [Fact]
    public void User_InheritsItsGroupsManagedAndInlinePolicies()
    {
        var permissions = Evaluate(State(), "arn:aws:iam::123456789012:user/alice");

        var actions = permissions.Granted.Select(g => g.Action).ToList();
        Assert.Contains("s3:GetObject", actions);
        Assert.Contains("s3:PutObject", actions);
        Assert.Contains("iam:CreateAccessKey", actions);
        // The group's inline Deny removes what its managed policy's default version allows.
        Assert.DoesNotContain("s3:PutBucketPolicy", actions);
        Assert.Contains(permissions.Policies, p => p.Source == "group developers: managed arn:aws:iam::123456789012:policy/S3Work");
    }

    [Fact]
    public void ManagedPolicy_UsesOnlyItsDefaultVersion()
    {
        var permissions = Evaluate(State(), "arn:aws:iam::123456789012:user/alice");

        // v1 (s3:*) is not the default: Tagging comes only from v1.
        Assert.DoesNotContain("s3:PutObjectTagging", permissions.Granted.Select(g => g.Action));
    }

    [Fact]
    public void GroupMembershipAndAttachments_ReplayFromCloudTrail()
    {
        var state = State();
        Replay(state, "AddUserToGroup", """{"groupName":"developers","userName":"bob"}""");
        Replay(state, "AttachUserPolicy", """{"userName":"bob","policyArn":"arn:aws:iam::123456789012:policy/ReadOnlyish"}""");
        Replay(state, "PutUserPolicy", """{"userName":"bob","policyName":"tag","policyDocument":"{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:PutObjectTagging\",\"Resource\":\"*\"}}"}""");

        var bob = Evaluate(state, "arn:aws:iam::123456789012:user/bob");
        Assert.Contains("s3:PutObject", bob.Granted.Select(g => g.Action));
        Assert.Contains("s3:PutObjectTagging", bob.Granted.Select(g => g.Action));

        Replay(state, "RemoveUserFromGroup", """{"groupName":"developers","userName":"bob"}""");
        Replay(state, "DetachUserPolicy", """{"userName":"bob","policyArn":"arn:aws:iam::123456789012:policy/ReadOnlyish"}""");
        Replay(state, "DeleteUserPolicy", """{"userName":"bob","policyName":"tag"}""");
        Assert.Empty(Evaluate(state, "arn:aws:iam::123456789012:user/bob").Granted);
    }

    [Fact]
    public void PolicyVersions_ReplayFromCloudTrail()
    {
        var state = State();
        const string arn = "arn:aws:iam::123456789012:policy/S3Work";
        Replay(state, "CreatePolicyVersion", $$$"""{"policyArn":"{{{arn}}}","setAsDefault":true,"policyDocument":"{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}}"}""",
            """{"policyVersion":{"versionId":"v3","isDefaultVersion":true}}""");
        Assert.Equal(["s3:ListBucket"], Evaluate(state, "arn:aws:iam::123456789012:user/alice").Granted.Select(g => g.Action).Where(a => a.StartsWith("s3:")).ToArray());

        Replay(state, "SetDefaultPolicyVersion", $$"""{"policyArn":"{{arn}}","versionId":"v1"}""");
        Replay(state, "DeletePolicyVersion", $$"""{"policyArn":"{{arn}}","versionId":"v3"}""");
        Assert.Contains("s3:PutObjectTagging", Evaluate(state, "arn:aws:iam::123456789012:user/alice").Granted.Select(g => g.Action));
        Assert.Equal(["v1", "v2"], state.Policies[arn].Versions.Keys.Order().ToArray());
    }

    [Fact]
    public void RolesUsersAndPolicies_AreCreatedAndDeletedFromCloudTrail()
    {
        var state = State();
        Replay(state, "CreatePolicy", """{"policyName":"Lambdas","path":"/","policyDocument":"{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"*\"}}"}""",
            """{"policy":{"arn":"arn:aws:iam::123456789012:policy/Lambdas","defaultVersionId":"v1"}}""");
        Replay(state, "CreateRole", """{"roleName":"Worker","path":"/","assumeRolePolicyDocument":"{\"Statement\":[]}"}""");
        Replay(state, "AttachRolePolicy", """{"roleName":"Worker","policyArn":"arn:aws:iam::123456789012:policy/Lambdas"}""");
        Replay(state, "UpdateAssumeRolePolicy", """{"roleName":"Worker","policyDocument":"{\"Statement\":[{\"Effect\":\"Allow\"}]}"}""");

        Assert.Equal(["lambda:InvokeFunction"], Evaluate(state, "arn:aws:iam::123456789012:role/Worker").Granted.Select(g => g.Action).ToArray());
        Assert.Contains("Allow", state.Roles["Worker"].TrustPolicy);

        Replay(state, "CreateUser", """{"userName":"carol","path":"/ops/"}""");
        Assert.NotNull(state.FindByArn("arn:aws:iam::123456789012:user/ops/carol"));
        Replay(state, "DeleteRole", """{"roleName":"Worker"}""");
        Replay(state, "DeletePolicy", """{"policyArn":"arn:aws:iam::123456789012:policy/Lambdas"}""");
        Assert.Null(state.FindByArn("arn:aws:iam::123456789012:role/Worker"));
        Assert.False(state.Policies.ContainsKey("arn:aws:iam::123456789012:policy/Lambdas"));
    }

    [Fact]
    public void AccessKeysAndPasswords_AreTrackedFromCloudTrail()
    {
        var state = State();
        Replay(state, "CreateAccessKey", """{"userName":"bob"}""", """{"accessKey":{"accessKeyId":"AKIABOBKEY0000000001","userName":"bob","status":"Active","createDate":"2026-03-02T00:00:00Z"}}""");
        Replay(state, "CreateLoginProfile", """{"userName":"bob"}""");
        Assert.True(state.Users["bob"].AccessKeys["AKIABOBKEY0000000001"].Active);
        Assert.True(state.Users["bob"].HasPassword);

        Replay(state, "UpdateAccessKey", """{"userName":"bob","accessKeyId":"AKIABOBKEY0000000001","status":"Inactive"}""");
        Replay(state, "DeleteLoginProfile", """{"userName":"bob"}""");
        Assert.False(state.Users["bob"].AccessKeys["AKIABOBKEY0000000001"].Active);
        Assert.False(state.Users["bob"].HasPassword);
    }
}
