using ActivityWatch.Monitoring.Permissions.Actions;
using ActivityWatch.Monitoring.Permissions.Catalog;
using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Permissions.Policies;
using ActivityWatch.Monitoring.Permissions.Reports;
using ActivityWatch.Monitoring.Permissions.Roles;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Monitoring.Timeline;
using ActivityWatch.Simulation;
using ActivityWatch.Simulation.Authorization;
using ActivityWatch.Testing;
using Npgsql;

namespace ActivityWatch.Monitoring.Tests.Permissions;

/// <summary>
/// The generated sample (two days, ten people, its incidents) through the real parser, write path,
/// rules and projections, with the organisation's IAM import: for every principal, the generated
/// policy, evaluated by the project's own evaluator, allows every successful call that is not
/// incident evidence and nothing that was not called.
/// </summary>
public sealed class PolicyRoundTripTests : IAsyncLifetime
{
    private static readonly SimulationOptions Options = new() { Days = 2, Principals = 10, Seed = 3, Rate = 0.3 };
    private readonly string _logs = Path.Combine(Path.GetTempPath(), $"aw-roundtrip-{Guid.NewGuid():N}");
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        // One writer: the concurrent-writer loss of counted uses is issue 12's; this test is about the mapping and the policy.
        _host = await TestHost.StartAsync(nameof(PolicyRoundTripTests), settings: new Dictionary<string, string?> { ["ActivityWatch:Ingestion:Writers"] = "1" });
        var simulator = new ActivitySimulator(Options);
        await simulator.WriteAsync(_logs);
        foreach (var file in new AuthorizationDetailsWriter(simulator.Options, simulator.Organization).Write(_logs + "-iam"))
            await _host.Get<IamImporter>().ImportAsync(file, Options.Start, CancellationToken.None);
        await _host.IngestFilesAsync(_logs);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        foreach (var dir in new[] { _logs, _logs + "-iam" }) if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task EveryPrincipalsPolicy_AllowsEachSuccessfulNonIncidentCall_AndNothingElse()
    {
        var reports = _host.Get<PermissionReports>();
        var catalog = BuiltInCatalog.Create();
        var directory = await _host.Get<RoleDirectoryQueries>().LoadAsync(CancellationToken.None);
        var principals = (await _host.Get<PermissionUseQueries>().AllAsync(null, null, CancellationToken.None))
            .Where(u => u.Calls > 0).Select(u => u.Principal).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(principals.Count >= 15, $"only {principals.Count} principals");
        var alertedSomewhere = 0;

        foreach (var principal in principals)
        {
            var policy = await reports.PolicyAsync(principal, null, includeAlerted: false, CancellationToken.None);
            if (Principals.IsRoot(principal))
            {
                Assert.Empty(policy.Documents);
                Assert.NotNull(policy.Refused);
                continue;
            }
            Assert.Null(policy.Refused);
            Assert.DoesNotContain(policy.LeftOut, l => l.Reason == LeftOutAction.NotInCatalogue);
            var alerted = policy.LeftOut.Where(l => l.Reason == LeftOutAction.Alerted).Select(l => l.Action).ToHashSet(StringComparer.Ordinal);
            alertedSomewhere += alerted.Count;
            var evaluated = new PolicyEvaluator(catalog).Evaluate(
                policy.Documents.Select((d, i) => new AttachedPolicy($"generated {i}", PolicyDocument.Parse(d.ToJsonString()))).ToList());

            // From the stored records themselves, not the last-used view the policy was built from.
            var called = await SuccessfulActionsAsync(directory.Aliases(principal));
            Assert.All(called.Except(alerted), a => Assert.True(evaluated.IsAllowed(a), $"{principal}: {a} was called but the policy does not allow it"));
            Assert.All(alerted, a => Assert.False(evaluated.IsAllowed(a), $"{principal}: {a} is incident evidence but allowed"));
            Assert.Equal(called.Except(alerted).Order(StringComparer.Ordinal), evaluated.Granted.Select(g => g.Action).Order(StringComparer.Ordinal));
        }
        // The sample's leaked key stopped the trail: that must not come back in a policy.
        Assert.True(alertedSomewhere > 0);
    }

    [Fact]
    public async Task TheLeakedKeysOwner_GetsNoStopLogging_UnlessAskedFor()
    {
        var owner = new ActivitySimulator(Options).Organization.People[2].Principal;
        var reports = _host.Get<PermissionReports>();

        var policy = await reports.PolicyAsync(owner, null, includeAlerted: false, CancellationToken.None);
        var kept = await reports.PolicyAsync(owner, null, includeAlerted: true, CancellationToken.None);

        var stop = Assert.Single(policy.LeftOut, l => l.Action == "cloudtrail:StopLogging");
        Assert.Contains(stop.Alerts, a => a.RuleId == "cloudtrail.logging-stopped");
        Assert.Contains(policy.LeftOut, l => l.Action == "iam:AttachUserPolicy");
        Assert.Empty(kept.LeftOut);
        Assert.Contains("cloudtrail:StopLogging", kept.Documents.Select(d => d.ToJsonString()).Single(j => j.Contains("cloudtrail", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheImport_ShowsUnusedPermissionsAndUnusedRoles_ResolvedAcrossLogForms()
    {
        var report = await _host.Get<PermissionReports>().UnusedReportAsync(90, CancellationToken.None);

        Assert.All(report.Accounts, a => Assert.Equal(GrantsBasis.IamImport, a.GrantsBasis));
        Assert.Contains(report.Findings, f => f.FindingType == UnusedAccessFinding.UnusedPermission);
        Assert.Contains(report.Findings, f => f.FindingType == UnusedAccessFinding.UnusedIamRole && f.Resource.EndsWith(":role/legacy-etl-role", StringComparison.Ordinal));
        // The API function's role has a path; its S3 object reads come only from the access logs, without it.
        var function = new ActivitySimulator(Options).Organization.Workloads.First(w => w.Archetype == WorkloadArchetype.ApiFunction).Role.Arn;
        Assert.Contains("/service-role/", function);
        Assert.DoesNotContain(report.Findings, f => f.Resource == function && f.FindingType == UnusedAccessFinding.UnusedIamRole);
        var uses = await _host.Get<PermissionUseQueries>().ForPrincipalAsync(function, null, null, CancellationToken.None);
        Assert.Contains(uses, u => u.Action == "s3:GetObject" && u.Calls > 0);
        Assert.DoesNotContain(await _host.Get<PermissionUseQueries>().AllAsync(null, null, CancellationToken.None),
            u => u.Principal == function.Replace("/service-role/", "/", StringComparison.Ordinal));
    }

    private async Task<IReadOnlySet<string>> SuccessfulActionsAsync(IReadOnlyList<string> aliases)
    {
        await using var command = _host.Get<NpgsqlDataSource>().CreateCommand(
            $"SELECT {EventBodies.Utf8("e")} FROM {TimelineTable.JoinedToEvents(_host.Schema)} WHERE t.principal = ANY(@principals)");
        command.Parameters.AddWithValue("principals", aliases.ToArray());
        var actions = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var record = EventBodies.Record(reader.GetFieldValue<byte[]>(0));
            // What the last-used view counts: identified callers' calls that passed authorisation.
            if (UseBatch.IsDenied(record) || record.IdentityType is IdentityTypes.AwsService or IdentityTypes.Anonymous or IdentityTypes.Unknown) continue;
            var mapping = ActionMapper.Default.Map(record);
            if (mapping.IsAction) actions.UnionWith(mapping.Actions);
        }
        return actions;
    }
}
