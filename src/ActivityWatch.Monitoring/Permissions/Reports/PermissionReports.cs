using ActivityWatch.Monitoring.Permissions.Catalog;
using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.Hygiene;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Permissions.Policies;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>The reports the CLI prints: one principal, every principal's unused access, a generated policy, hygiene.</summary>
public sealed class PermissionReports(
    CatalogProvider catalogs, IamStateQueries iam, PermissionUseQueries uses, CredentialQueries credentials, TimeProvider time)
{
    public async Task<PermissionReport> ReportAsync(string principal, int unusedDays, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var asOf = at ?? time.GetUtcNow();
        var catalog = catalogs.Catalog;
        var account = Principals.AccountOf(principal);
        var used = await uses.ForPrincipalAsync(principal, null, asOf, cancellationToken);
        var notes = new List<string>();
        EffectivePermissions permissions;
        DateTimeOffset? snapshotAt = null;
        if (Principals.IsRoot(principal))
        {
            notes.Add("The root user is not limited by identity policies: every action is allowed.");
            permissions = new EffectivePermissions([], [], ["*"]);
        }
        else
        {
            var state = account is null ? new IamAccountState("") : await iam.AtAsync(account, asOf, cancellationToken);
            snapshotAt = state.SnapshotAt;
            if (state.SnapshotAt is null) notes.Add("No IAM import at or before this time: state comes from CloudTrail IAM changes only (run `permissions import`).");
            var identity = state.FindByArn(principal);
            if (identity is null)
            {
                notes.Add("The principal is not in the IAM state at this time (deleted, never imported, or not a user or role).");
                permissions = new EffectivePermissions([], [], []);
            }
            else
            {
                var (policies, policyNotes) = PrincipalPolicies.For(state, identity);
                notes.AddRange(policyNotes);
                permissions = new PolicyEvaluator(catalog).Evaluate(policies);
            }
        }
        return PermissionReportBuilder.Build(principal, account, asOf, snapshotAt, unusedDays, catalog, permissions, used, notes);
    }

    public async Task<IReadOnlyList<UnusedAccessFinding>> UnusedAsync(int unusedDays, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var states = await StatesAsync(now, cancellationToken);
        var grants = PrincipalGrants.For(states, new PolicyEvaluator(catalogs.Catalog));
        var used = (await uses.AllAsync(null, null, cancellationToken)).ToLookup(u => u.Principal, StringComparer.Ordinal);
        var credentialUse = (await credentials.AllAsync(now, cancellationToken)).ToLookup(c => c.Principal, StringComparer.Ordinal);
        return UnusedFindingsBuilder.Build(grants, used, credentialUse, now, unusedDays);
    }

    public async Task<GeneratedPolicy> PolicyAsync(string principal, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var used = await uses.ForPrincipalAsync(principal, since, since is null ? null : time.GetUtcNow(), cancellationToken);
        var resources = await uses.ResourcesAsync(principal, since, cancellationToken);
        return PolicyGenerator.Generate(principal, since, used, resources);
    }

    public async Task<IReadOnlyList<HygieneFinding>> HygieneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var states = await StatesAsync(now, cancellationToken);
        return CredentialHygiene.Evaluate(
            await credentials.AllAsync(now, cancellationToken),
            await credentials.SharedAsync(HygieneRules.SharedNetworks, cancellationToken), states, now);
    }

    private async Task<IReadOnlyList<IamAccountState>> StatesAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var states = new List<IamAccountState>();
        foreach (var account in await iam.AccountsAsync(cancellationToken)) states.Add(await iam.AtAsync(account, at, cancellationToken));
        return states;
    }

}
