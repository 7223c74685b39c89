using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Permissions.Reports;
using ActivityWatch.Monitoring.Permissions.Roles;
using ActivityWatch.Testing;

namespace ActivityWatch.Monitoring.Tests.Permissions;

/// <summary>
/// One role, one principal: CloudTrail names a role with its path (the session issuer's ARN), S3
/// server access logs without it. The stored views keep both forms; reads resolve the access log's
/// form through the role directory, so the answer is the same whichever record arrived first.
/// </summary>
public sealed class RoleResolutionTests : IAsyncLifetime
{
    private const string WithPath = "arn:aws:iam::123456789012:role/service-role/orders-api-2-role";
    private const string AsLogged = "arn:aws:iam::123456789012:role/orders-api-2-role";
    private readonly List<TestHost> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
    }

    private static ActivityWatch.Monitoring.Records.ActivityRecorded CloudTrailCall(int minute) =>
        Activity.Call(WithPath, "dynamodb.amazonaws.com", "PutItem", Activity.Day.AddMinutes(minute), sessionName: "orders-api-2");

    private static ActivityWatch.Monitoring.Records.ActivityRecorded AccessLogRead(int minute) =>
        Activity.S3Access(AsLogged, "REST.GET.OBJECT", "orders", "2026/11/02/order.json", Activity.Day.AddMinutes(minute));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CloudTrailAndAccessLogRecordsOfOneRole_AreOnePrincipal_InEitherArrivalOrder(bool cloudTrailFirst)
    {
        var host = await PermissionsHost.StartAsync($"{nameof(RoleResolutionTests)}{cloudTrailFirst}");
        _hosts.Add(host);
        var batches = new[] { new[] { CloudTrailCall(1), CloudTrailCall(50) }, new[] { AccessLogRead(5), AccessLogRead(40) } };
        if (!cloudTrailFirst) Array.Reverse(batches);
        foreach (var batch in batches) await host.RecordAsync(batch);

        var queries = host.Get<PermissionUseQueries>();
        var uses = (await queries.ForPrincipalAsync(WithPath, null, null, CancellationToken.None)).OrderBy(u => u.Action).ToList();
        Assert.Equal(["dynamodb:PutItem", "s3:GetObject"], uses.Select(u => u.Action));
        Assert.All(uses, u => Assert.Equal(WithPath, u.Principal));
        Assert.Equal(2, uses.Single(u => u.Action == "s3:GetObject").Calls);
        // Asked for by the access log's form, the answer is the same principal.
        Assert.Equal(uses, (await queries.ForPrincipalAsync(AsLogged, null, null, CancellationToken.None)).OrderBy(u => u.Action).ToList());

        var all = await queries.AllAsync(null, null, CancellationToken.None);
        Assert.Equal([WithPath], all.Select(u => u.Principal).Distinct());
        Assert.Equal(["arn:aws:s3:::orders/*"], (await queries.ResourcesAsync(WithPath, null, CancellationToken.None))["s3:GetObject"]);

        var report = await host.Get<PermissionReports>().ReportAsync(AsLogged, 90, null, CancellationToken.None);
        Assert.Equal(WithPath, report.Principal);
        Assert.Equal([WithPath, AsLogged], report.LoggedAs);
    }

    [Fact]
    public async Task AccessLogRoleKnownToNoCloudTrailRecordOrImport_StaysMarkedUnresolved_UntilAnImportNamesIt()
    {
        var host = await PermissionsHost.StartAsync(nameof(AccessLogRoleKnownToNoCloudTrailRecordOrImport_StaysMarkedUnresolved_UntilAnImportNamesIt));
        _hosts.Add(host);
        await host.RecordAsync(AccessLogRead(5));

        var directory = await host.Get<RoleDirectoryQueries>().LoadAsync(CancellationToken.None);
        Assert.Equal((AsLogged, PrincipalForm.Unresolved), directory.Resolve(AsLogged));
        var policy = await host.Get<PermissionReports>().PolicyAsync(AsLogged, null, false, CancellationToken.None);
        Assert.Contains(policy.Notes, n => n.Contains("without its path", StringComparison.Ordinal));

        var file = Path.Combine(Path.GetTempPath(), $"auth-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, $$$"""
            {"UserDetailList": [], "GroupDetailList": [], "Policies": [],
             "RoleDetailList": [{"Path": "/service-role/", "RoleName": "orders-api-2-role", "Arn": "{{{WithPath}}}", "CreateDate": "2025-01-01T00:00:00Z",
               "RolePolicyList": [{"PolicyName": "p", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}}],
               "AttachedManagedPolicies": []}]}
            """);
        try
        {
            await host.Get<IamImporter>().ImportAsync(file, PermissionsHost.Now.AddDays(-40), CancellationToken.None);
        }
        finally
        {
            File.Delete(file);
        }

        directory = await host.Get<RoleDirectoryQueries>().LoadAsync(CancellationToken.None);
        Assert.Equal((WithPath, PrincipalForm.Resolved), directory.Resolve(AsLogged));
        var report = await host.Get<PermissionReports>().ReportAsync(WithPath, 90, null, CancellationToken.None);
        Assert.True(report.GrantsKnown);
        Assert.True(report.Services.Single(s => s.Service == "s3").Levels.SelectMany(l => l.Actions).Single(a => a.Action == "s3:GetObject").Used);
    }

    [Fact]
    public void Directory_ResolvesOnlyPathlessRoles_ToTheLatestKnownArn()
    {
        var directory = new RoleDirectory(
        [
            new RoleCandidate("arn:aws:iam::123456789012:role/old-path/app", Activity.Day.AddDays(-30), RoleCandidate.Import),
            new RoleCandidate("arn:aws:iam::123456789012:role/new-path/app", Activity.Day, RoleCandidate.CloudTrail),
            new RoleCandidate("arn:aws:iam::123456789012:role/plain", Activity.Day, RoleCandidate.Import),
        ]);

        Assert.Equal(("arn:aws:iam::123456789012:role/new-path/app", PrincipalForm.Resolved), directory.Resolve("arn:aws:iam::123456789012:role/app"));
        Assert.Equal(("arn:aws:iam::123456789012:role/plain", PrincipalForm.Exact), directory.Resolve("arn:aws:iam::123456789012:role/plain"));
        Assert.Equal(PrincipalForm.Unresolved, directory.Resolve("arn:aws:iam::999999999999:role/app").Form);
        Assert.Equal(PrincipalForm.Exact, directory.Resolve("arn:aws:iam::123456789012:user/app").Form);
        Assert.Equal(PrincipalForm.Exact, directory.Resolve("arn:aws:iam::123456789012:role/old-path/app").Form);
        Assert.Equal(["arn:aws:iam::123456789012:role/new-path/app", "arn:aws:iam::123456789012:role/app"],
            directory.Aliases("arn:aws:iam::123456789012:role/new-path/app"));
        Assert.Equal(["arn:aws:iam::123456789012:role/old-path/app"], directory.Aliases("arn:aws:iam::123456789012:role/old-path/app"));
    }
}
