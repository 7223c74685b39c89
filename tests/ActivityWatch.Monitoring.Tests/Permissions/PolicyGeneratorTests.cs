using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Permissions.Policies;
using ActivityWatch.Monitoring.Permissions.Reports;

namespace ActivityWatch.Monitoring.Tests.Permissions;

public sealed class PolicyGeneratorTests
{
    private const string Role = "arn:aws:iam::123456789012:role/app";

    private static ActionUse Use(string action, long calls = 3) =>
        new(Role, action, action[..action.IndexOf(':')], "AssumedRole", PermissionFixtures.Account, calls,
            Activity.Day, Activity.Day, 0, null, "us-east-1", "192.0.2.0/24");

    private static EffectivePermissions Evaluate(GeneratedPolicy policy) =>
        new PolicyEvaluator(PermissionFixtures.Catalog()).Evaluate(
            policy.Documents.Select((d, i) => new AttachedPolicy($"generated {i}", PolicyDocument.Parse(d.ToJsonString()))).ToList());

    [Fact]
    public void GeneratedPolicy_RoundTripsThroughTheEvaluatorToExactlyTheUsedActions()
    {
        string[] used = ["s3:GetObject", "s3:ListBucket", "kms:Decrypt", "iam:PassRole", "dynamodb:Query", "sts:AssumeRole"];
        var resources = new Dictionary<string, IReadOnlyList<string>>
        {
            ["s3:GetObject"] = ["arn:aws:s3:::media/*"],
            ["s3:ListBucket"] = ["arn:aws:s3:::media"],
        };

        var policy = PolicyGenerator.Generate(Role, null, used.Select(a => Use(a)).Append(Use("ec2:RunInstances", calls: 0)), resources);

        var document = Assert.Single(policy.Documents);
        Assert.Equal("2012-10-17", document["Version"]!.GetValue<string>());
        Assert.Equal(used.Order(StringComparer.Ordinal), Evaluate(policy).Granted.Select(g => g.Action));
        Assert.All(used, a => Assert.True(Evaluate(policy).IsAllowed(a)));
        Assert.False(Evaluate(policy).IsAllowed("ec2:RunInstances"));
    }

    [Fact]
    public void Statements_AreGroupedByServiceAndResourceAndSorted()
    {
        var policy = PolicyGenerator.Generate(Role, null, [Use("s3:PutObject"), Use("s3:GetObject"), Use("s3:ListBucket"), Use("kms:Decrypt")],
            new Dictionary<string, IReadOnlyList<string>>
            {
                ["s3:GetObject"] = ["arn:aws:s3:::media/*"],
                ["s3:PutObject"] = ["arn:aws:s3:::media/*"],
                ["s3:ListBucket"] = ["arn:aws:s3:::media"],
            });

        var statements = policy.Documents[0]["Statement"]!.AsArray();
        Assert.Equal(["KMS1", "S32", "S33"], statements.Select(s => s!["Sid"]!.GetValue<string>()).ToArray());
        Assert.Equal("*", statements[0]!["Resource"]!.GetValue<string>());
        Assert.Equal("arn:aws:s3:::media", statements[1]!["Resource"]!.GetValue<string>());
        Assert.Equal(["s3:GetObject", "s3:PutObject"], statements[2]!["Action"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray());
    }

    [Fact]
    public void LargePolicy_IsSplitWithinTheSizeLimitAndStillAllowsExactlyTheUsedActions()
    {
        var used = Enumerable.Range(0, 400).Select(i => $"svc{i % 40}:DoSomethingQuiteLongNamed{i:D3}").ToList();

        var policy = PolicyGenerator.Generate(Role, null, used.Select(a => Use(a)), new Dictionary<string, IReadOnlyList<string>>());

        Assert.True(policy.Documents.Count > 1);
        Assert.All(policy.Documents, d => Assert.True(PolicyGenerator.Size(d) <= PolicyGenerator.ManagedPolicyLimit));
        var evaluated = Evaluate(policy);
        Assert.All(used, a => Assert.True(evaluated.IsAllowed(a)));
        Assert.False(evaluated.IsAllowed("svc1:SomethingElse"));
        Assert.Contains(policy.Notes, n => n.Contains("Split", StringComparison.Ordinal));
    }

    [Fact]
    public void NoObservedUse_GivesAnEmptyButValidPolicy()
    {
        var policy = PolicyGenerator.Generate(Role, null, [], new Dictionary<string, IReadOnlyList<string>>());

        Assert.Empty(policy.Documents[0]["Statement"]!.AsArray());
        Assert.NotEmpty(policy.Notes);
    }

    [Fact]
    public void GeneratedPolicy_NeverNamesAnActionOutsideTheCatalogue_AndSaysWhatItLeftOut()
    {
        var catalog = ActivityWatch.Monitoring.Permissions.Catalog.BuiltInCatalog.Create();
        string[] used = ["s3:GetObject", "s3:REST.GET.ACL", "madeup:DoThing", "kms:Decrypt", "ec2:LaunchSomethingNew", "s3:GetObjectAcl"];

        var policy = PolicyGenerator.Generate(Role, null, used.Select(a => Use(a)), new Dictionary<string, IReadOnlyList<string>>(), catalog: catalog);

        var emitted = policy.Documents.SelectMany(d => d["Statement"]!.AsArray()).SelectMany(s => s!["Action"]!.AsArray()).Select(a => a!.GetValue<string>()).ToList();
        Assert.All(emitted, a => Assert.True(catalog.Contains(a), $"{a} is not in the catalogue"));
        Assert.Equal(["kms:Decrypt", "s3:GetObject", "s3:GetObjectAcl"], emitted.Order(StringComparer.Ordinal));
        Assert.Equal(["ec2:LaunchSomethingNew", "madeup:DoThing", "s3:REST.GET.ACL"], policy.LeftOut.Select(l => l.Action));
        Assert.All(policy.LeftOut, l => Assert.Equal(LeftOutAction.NotInCatalogue, l.Reason));
        Assert.Contains(policy.Warnings, w => w.Contains("madeup:DoThing", StringComparison.Ordinal));
    }

    [Fact]
    public void AlertedActions_AreLeftOut_AndListedWithTheirAlerts()
    {
        var alert = new AlertReference(Guid.NewGuid(), "cloudtrail.logging-stopped", "critical", "open", "CloudTrail logging stopped");
        var alerted = new Dictionary<string, LeftOutAction> { ["cloudtrail:StopLogging"] = new("cloudtrail:StopLogging", LeftOutAction.Alerted, 1, [alert]) };

        var policy = PolicyGenerator.Generate(Role, null, [Use("cloudtrail:StopLogging", 1), Use("cloudtrail:DescribeTrails")],
            new Dictionary<string, IReadOnlyList<string>>(), alerted: alerted);

        Assert.False(Evaluate(policy).IsAllowed("cloudtrail:StopLogging"));
        Assert.True(Evaluate(policy).IsAllowed("cloudtrail:DescribeTrails"));
        var warning = Assert.Single(policy.Warnings);
        Assert.Contains($"cloudtrail:StopLogging (cloudtrail.logging-stopped {alert.AlertId})", warning);
        Assert.Contains("--include-alerted", warning);
    }
}
