using ActivityWatch.Monitoring.Permissions.Policies;

namespace ActivityWatch.Monitoring.Tests.Permissions;

public sealed class PolicyEvaluatorTests
{
    private static EffectivePermissions Evaluate(params string[] documents) =>
        new PolicyEvaluator(PermissionFixtures.Catalog()).Evaluate(
            documents.Select((d, i) => new AttachedPolicy($"inline p{i}", PolicyDocument.Parse(d))).ToList());

    private static string[] Actions(EffectivePermissions permissions, string service) =>
        permissions.Granted.Select(g => g.Action).Where(a => a.StartsWith(service + ":", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Wildcard_ExpandsAgainstTheCatalogue()
    {
        var permissions = Evaluate("""{"Statement":{"Effect":"Allow","Action":"s3:Put*","Resource":"*"}}""");

        Assert.Equal(["s3:PutBucketPolicy", "s3:PutObject", "s3:PutObjectTagging"], Actions(permissions, "s3"));
    }

    [Fact]
    public void QuestionMarkAndCase_MatchLikeIam()
    {
        var permissions = Evaluate("""{"Statement":{"Effect":"Allow","Action":["S3:getobjec?","s3:list*"],"Resource":"*"}}""");

        Assert.Equal(["s3:GetObject", "s3:ListBucket"], Actions(permissions, "s3"));
    }

    [Fact]
    public void NotAction_AllowsEveryCatalogueActionExceptTheNamedOnes()
    {
        var permissions = Evaluate("""{"Statement":{"Effect":"Allow","NotAction":["iam:*","s3:Put*"],"Resource":"*"}}""");

        Assert.Equal(["s3:GetObject", "s3:ListBucket"], Actions(permissions, "s3"));
        Assert.Empty(Actions(permissions, "iam"));
        Assert.Contains("workspaces:RebootWorkspaces", permissions.Granted.Select(g => g.Action));
        Assert.False(permissions.IsAllowed("iam:PassRole"));
        Assert.True(permissions.IsAllowed("ec2:RunInstances"));
    }

    [Fact]
    public void UnconditionalDeny_WinsOverAllow()
    {
        var permissions = Evaluate(
            """{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}""",
            """{"Statement":{"Effect":"Deny","NotAction":["s3:Get*","s3:List*"],"Resource":"*"}}""");

        Assert.Equal(["s3:GetObject", "s3:ListBucket"], Actions(permissions, "s3"));
        Assert.False(permissions.IsAllowed("s3:PutObject"));
    }

    [Fact]
    public void ConditionalDenyAndResourceLimits_AreReportedNotDecided()
    {
        var permissions = Evaluate(
            """{"Statement":{"Sid":"Media","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::media/*"}}""",
            """{"Statement":{"Sid":"NoMfaNoGet","Effect":"Deny","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}}""");

        var granted = Assert.Single(permissions.Granted);
        Assert.Equal("s3:GetObject", granted.Action);
        Assert.Equal(["Media", "NoMfaNoGet"], granted.Constraints.Select(c => c.Sid ?? "").ToArray());
        Assert.Equal(["arn:aws:s3:::media/*"], granted.Constraints[0].Resources);
        Assert.NotNull(granted.Constraints[1].Condition);
    }

    [Fact]
    public void UrlEncodedDocument_IsDecoded()
    {
        var permissions = Evaluate("%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AListBucket%22%2C%22Resource%22%3A%22*%22%7D%5D%7D");

        Assert.Equal(["s3:ListBucket"], Actions(permissions, "s3"));
    }

    [Fact]
    public void PatternForAServiceTheCatalogueLacks_IsReportedUnexpanded()
    {
        var permissions = Evaluate("""{"Statement":{"Effect":"Allow","Action":["rekognition:*","s3:GetObject"],"Resource":"*"}}""");

        Assert.Equal(["rekognition:*"], permissions.UnexpandedPatterns);
        Assert.True(permissions.IsAllowed("rekognition:DetectFaces"));
    }
}
