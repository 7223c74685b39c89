using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.Reports;
using ActivityWatch.Testing;

namespace ActivityWatch.Monitoring.Tests.Permissions;

public sealed class PointInTimeStateTests : IAsyncLifetime
{
    private const string Bob = "arn:aws:iam::123456789012:user/bob";
    private const string Deployer = "arn:aws:iam::123456789012:role/service/Deployer";
    private static readonly DateTimeOffset Captured = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await PermissionsHost.StartAsync(nameof(PointInTimeStateTests));
        await _host.Get<IamImporter>().ImportAsync(PermissionFixtures.Path("authorization-details.json"), Captured, CancellationToken.None);
        await _host.RecordAsync(
            Activity.IamChange("AddUserToGroup", """{"groupName":"developers","userName":"bob"}""", Captured.AddDays(5)),
            Activity.IamChange("RemoveUserFromGroup", """{"groupName":"developers","userName":"bob"}""", Captured.AddDays(10)),
            Activity.IamChange("AttachUserPolicy", """{"userName":"bob","policyArn":"arn:aws:iam::123456789012:policy/ReadOnlyish"}""", Captured.AddDays(12))
                with { ErrorCode = "AccessDenied" },
            // Before the import: already part of the snapshot, must not be applied twice or undone.
            Activity.IamChange("DetachRolePolicy", """{"roleName":"Deployer","policyArn":"arn:aws:iam::123456789012:policy/ReadOnlyish"}""", Captured.AddDays(-3)));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<IReadOnlyList<string>> GrantedAsync(string arn, DateTimeOffset at)
    {
        var report = await _host.Get<PermissionReports>().ReportAsync(arn, 90, at, CancellationToken.None);
        return report.Services.SelectMany(s => s.Levels.SelectMany(l => l.Actions.Select(a => a.Action))).ToList();
    }

    [Fact]
    public async Task StateOnDateD_IsTheImportPlusTheCloudTrailChangesUpToD()
    {
        Assert.Empty(await GrantedAsync(Bob, Captured.AddDays(1)));
        Assert.Contains("s3:PutObject", await GrantedAsync(Bob, Captured.AddDays(6)));
        Assert.Empty(await GrantedAsync(Bob, Captured.AddDays(11)));
    }

    [Fact]
    public async Task FailedIamCalls_AndCallsBeforeTheImport_DoNotChangeTheState()
    {
        Assert.Empty(await GrantedAsync(Bob, Captured.AddDays(20)));
        Assert.Contains("ec2:RunInstances", await GrantedAsync(Deployer, Captured.AddDays(20)));
    }

    [Fact]
    public async Task BeforeAnyImport_StateComesFromCloudTrailOnly()
    {
        var state = await _host.Get<IamStateQueries>().AtAsync(PermissionFixtures.Account, Captured.AddDays(-1), CancellationToken.None);

        Assert.Null(state.SnapshotAt);
        Assert.Empty(state.Users);
        var report = await _host.Get<PermissionReports>().ReportAsync(Bob, 90, Captured.AddDays(-1), CancellationToken.None);
        Assert.Contains(report.Notes, n => n.Contains("No IAM import", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_MarksUsedAndUnusedActionsAndUnusedServices()
    {
        await _host.RecordAsync(
            Activity.Call(Deployer, "s3.amazonaws.com", "GetObject", PermissionsHost.Now.AddDays(-2)),
            Activity.Call(Deployer, "iam.amazonaws.com", "PassRole", PermissionsHost.Now.AddDays(-2), errorCode: "AccessDenied"),
            Activity.Call(Deployer, "kms.amazonaws.com", "Decrypt", PermissionsHost.Now.AddDays(-200)));

        var report = await _host.Get<PermissionReports>().ReportAsync(Deployer, 90, null, CancellationToken.None);

        var s3 = report.Services.Single(s => s.Service == "s3");
        Assert.True(s3.Used);
        var getObject = s3.Levels.SelectMany(l => l.Actions).Single(a => a.Action == "s3:GetObject");
        Assert.True(getObject.Used);
        Assert.Equal(1, getObject.Calls);
        var decrypt = report.Services.Single(s => s.Service == "kms").Levels.SelectMany(l => l.Actions).Single(a => a.Action == "kms:Decrypt");
        Assert.False(decrypt.Used);
        Assert.Equal(PermissionsHost.Now.AddDays(-200), decrypt.LastUsed);
        Assert.Contains("kms", report.UnusedServices);
        Assert.DoesNotContain("s3", report.UnusedServices);
        Assert.Equal(["Permissions management", "Write", "Tagging", "Read", "List"], s3.Levels.Select(l => l.AccessLevel).ToArray());
        Assert.Contains("not evaluated", report.Scope);
    }

    [Fact]
    public async Task UnusedReport_CoversEveryImportedPrincipal()
    {
        var findings = await _host.Get<PermissionReports>().UnusedAsync(90, CancellationToken.None);

        Assert.Contains(findings, f => f.Resource == Deployer && f.FindingType == UnusedAccessFinding.UnusedIamRole);
        Assert.Contains(findings, f => f.Resource == "arn:aws:iam::123456789012:user/alice" && f.FindingType == UnusedAccessFinding.UnusedPermission);
        Assert.Equal(findings.OrderByDescending(f => f.ActivityWatch.Rank).Select(f => f.ActivityWatch.Rank), findings.Select(f => f.ActivityWatch.Rank));
    }
}
