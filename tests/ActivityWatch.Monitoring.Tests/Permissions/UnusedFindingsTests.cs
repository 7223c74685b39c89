using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Permissions.Policies;
using ActivityWatch.Monitoring.Permissions.Reports;

namespace ActivityWatch.Monitoring.Tests.Permissions;

public sealed class UnusedFindingsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Long = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PrincipalGrant Grant(IamIdentityState identity, string document) =>
        new(PermissionFixtures.Account, identity,
            new PolicyEvaluator(PermissionFixtures.Catalog()).Evaluate([new AttachedPolicy("inline p", PolicyDocument.Parse(document))]), []);

    private static ActionUse Use(string principal, string action, DateTimeOffset last) =>
        new(principal, action, action[..action.IndexOf(':')], "AssumedRole", PermissionFixtures.Account, 1, last, last, 0, null, null, null);

    private static IReadOnlyList<UnusedAccessFinding> Build(IEnumerable<PrincipalGrant> grants, IEnumerable<ActionUse> uses, IEnumerable<CredentialActivity>? credentials = null) =>
        UnusedFindingsBuilder.Build(grants.ToList(), uses.ToLookup(u => u.Principal), (credentials ?? []).ToLookup(c => c.Principal), Now, 90);

    [Fact]
    public void RoleWithNoCallInTheWindow_IsOneUnusedIamRoleFinding()
    {
        var role = new IamRoleState("arn:aws:iam::123456789012:role/old", "old", Long);

        var findings = Build([Grant(role, """{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}""")],
            [Use(role.Arn, "s3:GetObject", Now.AddDays(-200))]);

        var finding = Assert.Single(findings);
        Assert.Equal(UnusedAccessFinding.UnusedIamRole, finding.FindingType);
        Assert.Equal("AWS::IAM::Role", finding.ResourceType);
        Assert.Equal(Now.AddDays(-200), finding.FindingDetails[0].UnusedIamRoleDetails!.LastAccessed);
    }

    [Fact]
    public void UnusedActions_AreReportedPerServiceWithLastAccess_PermissionsManagementFirst()
    {
        var role = new IamRoleState("arn:aws:iam::123456789012:role/app", "app", Long);
        var findings = Build(
            [Grant(role, """{"Statement":{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket","s3:PutBucketPolicy","kms:ListKeys","kms:DescribeKey"],"Resource":"*"}}""")],
            [Use(role.Arn, "s3:GetObject", Now.AddDays(-1)), Use(role.Arn, "kms:DescribeKey", Now.AddDays(-2)), Use(role.Arn, "s3:ListBucket", Now.AddDays(-100))]);

        Assert.Equal(["s3", "kms"], findings.Select(f => f.FindingDetails[0].UnusedPermissionDetails!.ServiceNamespace).ToArray());
        var s3 = findings[0].FindingDetails[0].UnusedPermissionDetails!;
        Assert.Equal(["s3:ListBucket", "s3:PutBucketPolicy"], s3.Actions.Select(a => a.Action).ToArray());
        Assert.Equal(Now.AddDays(-100), s3.Actions[0].LastAccessed);
        Assert.Null(s3.Actions[1].LastAccessed);
        Assert.Equal(Now.AddDays(-1), s3.LastAccessed);
        Assert.Equal("Permissions management", findings[0].ActivityWatch.HighestAccessLevel);
        Assert.Equal("List", findings[1].ActivityWatch.HighestAccessLevel);
        Assert.All(findings, f => Assert.Equal(UnusedAccessFinding.UnusedPermission, f.FindingType));
    }

    [Fact]
    public void UnusedAccessKeyAndPassword_AreFindingsForTheUser()
    {
        var user = new IamUserState("arn:aws:iam::123456789012:user/bob", "bob", Long) { HasPassword = true };
        user.AccessKeys["AKIAOLDKEY0000000001"] = new AccessKeyState("AKIAOLDKEY0000000001", Long);
        user.AccessKeys["AKIAUSEDKEY000000001"] = new AccessKeyState("AKIAUSEDKEY000000001", Long);

        var findings = Build([Grant(user, """{"Statement":[]}""")], [],
        [
            new CredentialActivity(user.Arn, "AKIAUSEDKEY000000001", Long, Now.AddDays(-3), 10, 2, 1),
            new CredentialActivity(user.Arn, "password", Long, Now.AddDays(-120), 4, 0, 1),
        ]);

        Assert.Equal(2, findings.Count);
        var key = Assert.Single(findings, f => f.FindingType == UnusedAccessFinding.UnusedIamUserAccessKey);
        Assert.Equal("AKIAOLDKEY0000000001", key.FindingDetails[0].UnusedIamUserAccessKeyDetails!.AccessKeyId);
        var password = Assert.Single(findings, f => f.FindingType == UnusedAccessFinding.UnusedIamUserPassword);
        Assert.Equal(Now.AddDays(-120), password.FindingDetails[0].UnusedIamUserPasswordDetails!.LastAccessed);
    }

    [Fact]
    public void FindingIds_AreStableAcrossRuns()
    {
        var role = new IamRoleState("arn:aws:iam::123456789012:role/old", "old", Long);
        var grant = Grant(role, """{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}""");

        Assert.Equal(Build([grant], [])[0].Id, Build([grant], [])[0].Id);
    }
}
