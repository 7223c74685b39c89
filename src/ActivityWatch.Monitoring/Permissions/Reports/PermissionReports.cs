using ActivityWatch.Monitoring.Permissions.Catalog;
using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.Hygiene;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Permissions.Policies;
using ActivityWatch.Monitoring.Permissions.Roles;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>
/// The reports the CLI, the API and the console show: one principal, every principal's unused
/// access, a generated policy, hygiene. A principal is looked up under every form the logs name
/// it by (see <see cref="RoleDirectory"/>), and each report says what its facts rest on.
/// </summary>
public sealed class PermissionReports(
    CatalogProvider catalogs, IamStateQueries iam, PermissionUseQueries uses, CredentialQueries credentials,
    RoleDirectoryQueries roles, AlertedActions alerted, TimeProvider time)
{
    public const string RootRefusal =
        "The root user gets no generated policy: identity policies cannot be attached to it and do not limit it. " +
        "Lock its credentials away (MFA, no access keys) and do this work as an IAM role; generate that role's policy from its activity.";

    public async Task<PermissionReport> ReportAsync(string principal, int unusedDays, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var asOf = at ?? time.GetUtcNow();
        var catalog = catalogs.Catalog;
        var directory = await roles.LoadAsync(cancellationToken);
        var (resolved, form) = directory.Resolve(principal);
        var aliases = directory.Aliases(resolved);
        var account = Principals.AccountOf(resolved);
        var used = await uses.ForAliasesAsync(aliases, null, asOf, cancellationToken);
        var notes = new List<string>();
        if (form == PrincipalForm.Unresolved) notes.Add(UnresolvedNote(resolved));
        EffectivePermissions permissions;
        DateTimeOffset? snapshotAt = null;
        string basis;
        bool known;
        if (Principals.IsRoot(resolved))
        {
            notes.Add("The root user is not limited by identity policies: every action is allowed.");
            permissions = new EffectivePermissions([], [], ["*"]);
            (basis, known) = (GrantsBasis.Root, true);
        }
        else
        {
            var state = account is null ? new IamAccountState("") : await iam.AtAsync(account, asOf, cancellationToken);
            snapshotAt = state.SnapshotAt;
            basis = state.SnapshotAt is null ? GrantsBasis.CloudTrailOnly : GrantsBasis.IamImport;
            if (state.SnapshotAt is null)
                notes.Add($"No IAM import for account {account ?? "(none)"} at or before {asOf:u}: what is granted comes from CloudTrail's IAM changes alone, " +
                          "which show the policies changed while logs were kept, not what was granted before. " + GrantsBasis.Remedy);
            var identity = state.FindByArn(resolved);
            if (identity is null)
            {
                notes.Add($"Nothing is known to be granted to {resolved}: it is not in the IAM state at this time (deleted, never imported, or not a user or role), " +
                          "so no action can be called unused." + (state.SnapshotAt is null ? "" : " Import a fresh authorization details file if it exists now. " + GrantsBasis.Remedy));
                permissions = new EffectivePermissions([], [], []);
                (basis, known) = (GrantsBasis.Unknown, false);
            }
            else
            {
                var (policies, policyNotes) = PrincipalPolicies.For(state, identity);
                notes.AddRange(policyNotes);
                permissions = new PolicyEvaluator(catalog).Evaluate(policies);
                known = true;
            }
        }
        var report = PermissionReportBuilder.Build(resolved, account, asOf, snapshotAt, unusedDays, catalog, permissions, used, notes);
        return report with
        {
            // With nothing known to be granted, "used but not granted" would claim what was never established.
            UsedButNotGranted = known ? report.UsedButNotGranted : [],
            ActionsUsed = used.Count(u => u.Calls > 0),
            GrantsBasis = basis,
            GrantsKnown = known,
            Remedy = basis is GrantsBasis.IamImport or GrantsBasis.Root ? null : GrantsBasis.Remedy,
            LoggedAs = aliases,
            PrincipalForm = form.ToString().ToLowerInvariant(),
        };
    }

    public async Task<IReadOnlyList<UnusedAccessFinding>> UnusedAsync(int unusedDays, CancellationToken cancellationToken) =>
        (await UnusedReportAsync(unusedDays, cancellationToken)).Findings;

    public async Task<UnusedAccessReport> UnusedReportAsync(int unusedDays, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var states = await StatesAsync(now, includeCloudTrailOnly: true, cancellationToken);
        var grants = PrincipalGrants.For(states, new PolicyEvaluator(catalogs.Catalog));
        var directory = await roles.LoadAsync(cancellationToken);
        var used = (await uses.AllAsync(null, null, cancellationToken, directory)).ToLookup(u => u.Principal, StringComparer.Ordinal);
        var credentialUse = (await credentials.AllAsync(now, cancellationToken)).ToLookup(c => c.Principal, StringComparer.Ordinal);
        var basis = states.ToDictionary(s => s.AccountId, s => s.SnapshotAt is null ? GrantsBasis.CloudTrailOnly : GrantsBasis.IamImport, StringComparer.Ordinal);
        var findings = UnusedFindingsBuilder.Build(grants, used, credentialUse, now, unusedDays)
            .Select(f => f with { ActivityWatch = f.ActivityWatch with { GrantsBasis = basis.GetValueOrDefault(f.ResourceOwnerAccount ?? "", GrantsBasis.Unknown) } })
            .ToList();
        var accounts = states.Select(s => new AccountBasis(s.AccountId, basis[s.AccountId], s.SnapshotAt, s.Users.Count, s.Roles.Count)).ToList();
        var notes = new List<string>();
        if (accounts.All(a => a.GrantsBasis != GrantsBasis.IamImport))
        {
            notes.Add((accounts.Count == 0
                ? "No IAM import and no IAM changes in CloudTrail: nothing is known to be granted, so no permission, role, key or password can be called unused. "
                : "No IAM import: findings rest on CloudTrail's IAM changes alone (marked grantsBasis cloudtrail-only), which miss everything granted before the logs begin. ")
                + GrantsBasis.Remedy);
        }
        else
        {
            foreach (var account in accounts.Where(a => a.GrantsBasis == GrantsBasis.CloudTrailOnly))
                notes.Add($"Account {account.AccountId} has no IAM import: its findings rest on CloudTrail's IAM changes alone. {GrantsBasis.Remedy}");
        }
        if (findings.Count == 0 && accounts.Any(a => a.GrantsBasis == GrantsBasis.IamImport))
            notes.Add($"Every granted permission, role, key and password of the imported accounts was used in the last {unusedDays} days.");
        return new UnusedAccessReport(findings, accounts, notes);
    }

    /// <param name="includeAlerted">Keep actions whose only uses are evidence of open high or critical alerts (left out by default).</param>
    public async Task<GeneratedPolicy> PolicyAsync(string principal, DateTimeOffset? since, bool includeAlerted, CancellationToken cancellationToken)
    {
        var directory = await roles.LoadAsync(cancellationToken);
        var (resolved, form) = directory.Resolve(principal);
        if (Principals.IsRoot(resolved)) return new GeneratedPolicy(resolved, since, [], [], [], RootRefusal);
        var aliases = directory.Aliases(resolved);
        var used = await uses.ForAliasesAsync(aliases, since, since is null ? null : time.GetUtcNow(), cancellationToken);
        var resources = await uses.ResourcesAsync(aliases, since, cancellationToken);
        var incidents = await alerted.FindAsync(aliases, since, used, cancellationToken);
        var policy = PolicyGenerator.Generate(resolved, since, used, resources, catalog: catalogs.Catalog, alerted: includeAlerted ? null : incidents);
        var notes = policy.Notes.ToList();
        if (includeAlerted && incidents.Count > 0)
            notes.Add($"Kept on request although every use is evidence of an open high or critical alert: {string.Join(", ", incidents.Keys.Order(StringComparer.Ordinal))}.");
        if (form == PrincipalForm.Unresolved) notes.Add(UnresolvedNote(resolved));
        return policy with { Notes = notes };
    }

    public async Task<IReadOnlyList<HygieneFinding>> HygieneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var states = await StatesAsync(now, includeCloudTrailOnly: false, cancellationToken);
        return CredentialHygiene.Evaluate(
            await credentials.AllAsync(now, cancellationToken),
            await credentials.SharedAsync(HygieneRules.SharedNetworks, cancellationToken), states, now);
    }

    private static string UnresolvedNote(string principal) =>
        $"{principal} is named as S3 server access logs name a role, without its path, and no CloudTrail record or IAM import confirms it: " +
        "if the role has a path, its CloudTrail activity is under another ARN. An IAM import resolves it.";

    private async Task<IReadOnlyList<IamAccountState>> StatesAsync(DateTimeOffset at, bool includeCloudTrailOnly, CancellationToken cancellationToken)
    {
        var accounts = (await iam.AccountsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (includeCloudTrailOnly) accounts.UnionWith(await iam.ChangedAccountsAsync(cancellationToken));
        var states = new List<IamAccountState>();
        foreach (var account in accounts.Order(StringComparer.Ordinal)) states.Add(await iam.AtAsync(account, at, cancellationToken));
        return states;
    }
}
