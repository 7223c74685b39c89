using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.LastUsed;

namespace ActivityWatch.Monitoring.Permissions.Hygiene;

/// <summary>
/// Long-term credential findings from their use. A key's age comes from its CreateAccessKey
/// record when CloudTrail has it, else from its first use in the logs, which is a lower bound
/// (the explanation says which).
/// </summary>
public static class CredentialHygiene
{
    public static IReadOnlyList<HygieneFinding> Evaluate(
        IReadOnlyList<CredentialActivity> activity, IReadOnlyList<SharedCredentialWindow> shared,
        IReadOnlyList<IamAccountState> states, DateTimeOffset now)
    {
        var findings = new List<HygieneFinding>();
        var keys = states.SelectMany(s => s.Users.Values.SelectMany(u => u.AccessKeys.Values.Select(k => (User: u, Key: k))))
            .ToDictionary(x => x.Key.Id, StringComparer.Ordinal);
        var unusedSince = now.AddDays(-HygieneRules.UnusedDays);

        foreach (var use in activity.Where(a => a.Credential != CredentialUse.Password))
        {
            keys.TryGetValue(use.Credential, out var known);
            if (known.Key is { Active: false }) continue;
            var created = known.Key?.Created;
            var age = created ?? use.FirstUsed;
            var ageBasis = created is null ? "first use in the logs (the key may be older)" : "its CreateAccessKey record";
            if (Records.Principals.IsRoot(use.Principal))
                findings.Add(new(HygieneRules.RootAccessKey, "Root user access key in use", Severity.Critical, use.Principal, use.Credential,
                    use.LastUsed, age, "The root user has an access key and uses it; delete it (CIS 2.4, IAM best practice: lock away root keys).", ["2.4"]));
            if (use.LastUsed < unusedSince)
                findings.Add(new(HygieneRules.KeyUnused, "Access key unused for 45 days or more", Severity.Medium, use.Principal, use.Credential,
                    use.LastUsed, age, $"Last used {use.LastUsed:yyyy-MM-dd}; deactivate and delete it (CIS 2.11).", ["2.11"]));
            else if (now - age > TimeSpan.FromDays(HygieneRules.RotationDays))
                findings.Add(new(HygieneRules.KeyNotRotated, "Access key older than 90 days still in use", Severity.Medium, use.Principal, use.Credential,
                    use.LastUsed, age, $"{(int)(now - age).TotalDays} days old by {ageBasis}; rotate it (CIS 2.12).", ["2.12"]));
            if (use.ActiveDaysLast30 >= HygieneRules.EverydayDays && !Records.Principals.IsRoot(use.Principal))
                findings.Add(new(HygieneRules.KeyEverydayWork, "Long-term access key doing everyday work", Severity.Low, use.Principal, use.Credential,
                    use.LastUsed, use.FirstUsed, $"Used on {use.ActiveDaysLast30} of the last 30 days; give the workload a role with temporary credentials instead (IAM best practice: use roles).", []));
        }
        foreach (var (user, key) in keys.Values.Where(k => k.Key.Active && activity.All(a => a.Credential != k.Key.Id)))
        {
            if (key.Created is { } created && created < unusedSince)
                findings.Add(new(HygieneRules.KeyUnused, "Access key never used in 45 days or more", Severity.Medium, user.Arn, key.Id,
                    null, created, "Created and never seen in the logs; delete it (CIS 2.11).", ["2.11"]));
        }
        foreach (var window in shared)
        {
            findings.Add(new(HygieneRules.KeyShared, "Access key used from many networks within an hour", Severity.High, window.Principal, window.Credential,
                window.Hour.AddHours(1), window.Hour,
                $"{window.Networks.Count} source networks between {window.Hour:yyyy-MM-dd HH:00} and the next hour ({string.Join(", ", window.Networks)}): shared or leaked; rotate it.", []));
        }
        findings.AddRange(Passwords(activity, states, unusedSince));
        return findings.OrderByDescending(f => Severity.Rank(f.Severity)).ThenBy(f => f.Principal, StringComparer.Ordinal).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<HygieneFinding> Passwords(IReadOnlyList<CredentialActivity> activity, IReadOnlyList<IamAccountState> states, DateTimeOffset unusedSince)
    {
        var signIns = activity.Where(a => a.Credential == CredentialUse.Password).ToDictionary(a => a.Principal, StringComparer.Ordinal);
        var users = states.SelectMany(s => s.Users.Values).ToDictionary(u => u.Arn, StringComparer.Ordinal);
        foreach (var arn in signIns.Keys.Union(users.Values.Where(u => u.HasPassword == true).Select(u => u.Arn)).Order(StringComparer.Ordinal))
        {
            users.TryGetValue(arn, out var user);
            if (user?.HasPassword == false || Records.Principals.IsRoot(arn)) continue;
            var last = signIns.GetValueOrDefault(arn)?.LastUsed ?? user?.PasswordLastUsed;
            if ((last ?? user?.Created) is { } seen && seen >= unusedSince) continue;
            yield return new(HygieneRules.PasswordUnused, "Console password unused for 45 days or more", Severity.Medium, arn, CredentialUse.Password,
                last, user?.Created, last is null ? "No console sign-in in the logs; remove the password (CIS 2.11)." : $"Last sign-in {last:yyyy-MM-dd}; remove the password (CIS 2.11).", ["2.11"]);
        }
    }
}
