using ActivityWatch.Monitoring.Permissions.Catalog;
using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Recording;

namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>
/// `permissions unused`: Access Analyzer-shaped findings for every user and role. As Access
/// Analyzer does, a role unused for the whole window gets one UnusedIAMRole finding instead of
/// a finding per service.
/// </summary>
public static class UnusedFindingsBuilder
{
    private const int CredentialRank = 10;

    public static IReadOnlyList<UnusedAccessFinding> Build(
        IReadOnlyList<PrincipalGrant> grants, ILookup<string, ActionUse> uses, ILookup<string, CredentialActivity> credentials,
        DateTimeOffset now, int unusedDays)
    {
        var cutoff = now.AddDays(-unusedDays);
        var findings = new List<UnusedAccessFinding>();
        foreach (var grant in grants)
        {
            var used = uses[grant.Arn].ToDictionary(u => u.Action, StringComparer.OrdinalIgnoreCase);
            var lastAny = used.Values.Max(u => u.LastUsed);
            if (grant.Identity is IamRoleState role)
            {
                var last = Latest(lastAny, role.LastUsed);
                if ((last is null || last < cutoff) && (role.Created is null || role.Created < cutoff))
                {
                    var levels = grant.Permissions.Granted.Select(g => g.Info).ToList();
                    findings.Add(Finding(UnusedAccessFinding.UnusedIamRole, grant, "role", now,
                        new FindingDetails { UnusedIamRoleDetails = new UnusedLastAccessed(last) },
                        Ranking(levels, "no call by the role in the window")));
                    continue;
                }
            }
            foreach (var service in grant.Permissions.Granted.GroupBy(g => g.Info.Service, StringComparer.OrdinalIgnoreCase))
            {
                var unused = service.Where(g => !(used.GetValueOrDefault(g.Action)?.LastUsed >= cutoff)).ToList();
                if (unused.Count == 0) continue;
                var serviceLast = service.Select(g => used.GetValueOrDefault(g.Action)?.LastUsed).Max();
                var actions = unused.Select(g => new UnusedAction(g.Action, used.GetValueOrDefault(g.Action)?.LastUsed)).ToList();
                findings.Add(Finding(UnusedAccessFinding.UnusedPermission, grant, service.Key, now,
                    new FindingDetails { UnusedPermissionDetails = new UnusedPermissionDetails(service.Key, serviceLast, actions) },
                    Ranking(unused.Select(g => g.Info).ToList(), "granted actions not called in the window")));
            }
            if (grant.Identity is IamUserState user) findings.AddRange(Credentials(grant, user, credentials[grant.Arn].ToList(), now, cutoff));
        }
        return findings
            .OrderByDescending(f => f.ActivityWatch.Rank)
            .ThenByDescending(f => f.ActivityWatch.UnusedActions)
            .ThenBy(f => f.Resource, StringComparer.Ordinal)
            .ThenBy(f => f.Id)
            .ToList();
    }

    private static IEnumerable<UnusedAccessFinding> Credentials(PrincipalGrant grant, IamUserState user, List<CredentialActivity> activity, DateTimeOffset now, DateTimeOffset cutoff)
    {
        var keys = user.AccessKeys.Values.Where(k => k.Active).Select(k => k.Id)
            .Union(activity.Where(a => a.Credential != CredentialUse.Password).Select(a => a.Credential), StringComparer.Ordinal);
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            if (user.AccessKeys.TryGetValue(key, out var state) && !state.Active) continue;
            var last = activity.FirstOrDefault(a => a.Credential == key)?.LastUsed;
            var created = state?.Created;
            if ((last ?? created) is { } seen && seen >= cutoff) continue;
            yield return Finding(UnusedAccessFinding.UnusedIamUserAccessKey, grant, key, now,
                new FindingDetails { UnusedIamUserAccessKeyDetails = new UnusedAccessKeyDetails(key, last) },
                new FindingRanking(CredentialRank, null, 0, false, "long-term access key not used in the window (CIS 2.11)"));
        }
        var password = Latest(activity.FirstOrDefault(a => a.Credential == CredentialUse.Password)?.LastUsed, user.PasswordLastUsed);
        if ((user.HasPassword == true || password is not null) && user.HasPassword != false && (password ?? user.Created) is var since && !(since >= cutoff))
        {
            yield return Finding(UnusedAccessFinding.UnusedIamUserPassword, grant, "password", now,
                new FindingDetails { UnusedIamUserPasswordDetails = new UnusedLastAccessed(password) },
                new FindingRanking(CredentialRank, null, 0, false, "console password not used in the window (CIS 2.11)"));
        }
    }

    private static FindingRanking Ranking(IReadOnlyList<ActionInfo> unused, string basis)
    {
        var highest = unused.Count == 0 ? (AccessLevel?)null : unused.Max(a => a.Level);
        return new FindingRanking(highest is null ? 0 : (int)highest + 1, highest is null ? null : AccessLevels.Name(highest.Value),
            unused.Count, unused.Any(a => a.Heuristic), basis);
    }

    private static UnusedAccessFinding Finding(string type, PrincipalGrant grant, string detail, DateTimeOffset now, FindingDetails details, FindingRanking ranking) =>
        new(EventIds.FromRecordKey($"{type}|{grant.Arn}|{detail}").ToString(), type, grant.Arn,
            grant.IsRole ? "AWS::IAM::Role" : "AWS::IAM::User", grant.AccountId, "ACTIVE", now, now, now, [details], ranking);

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
