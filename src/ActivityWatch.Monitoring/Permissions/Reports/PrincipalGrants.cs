using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.Policies;

namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>
/// Evaluates every user and role of some accounts. Principals sharing the same set of policy
/// documents (the usual case: a few managed policies attached to many roles) are evaluated once.
/// </summary>
public static class PrincipalGrants
{
    public static IReadOnlyList<PrincipalGrant> For(IEnumerable<IamAccountState> states, PolicyEvaluator evaluator)
    {
        var cache = new Dictionary<string, EffectivePermissions>(StringComparer.Ordinal);
        var grants = new List<PrincipalGrant>();
        foreach (var state in states)
        {
            var identities = state.Users.Values.Cast<IamIdentityState>().Concat(state.Roles.Values);
            foreach (var identity in identities)
            {
                var (policies, notes) = PrincipalPolicies.For(state, identity);
                var key = string.Join('\u0001', policies.Select(p => p.Source[(p.Source.LastIndexOf(' ') + 1)..] + '\u0002' + Signature(p.Document)).Order(StringComparer.Ordinal));
                if (!cache.TryGetValue(key, out var permissions)) cache[key] = permissions = evaluator.Evaluate(policies);
                grants.Add(new PrincipalGrant(state.AccountId, identity, permissions, notes));
            }
        }
        return grants;
    }

    private static string Signature(PolicyDocument document) =>
        string.Join(';', document.Statements.Select(s =>
            $"{s.Allow}|{string.Join(',', s.Actions)}|{string.Join(',', s.NotActions)}|{string.Join(',', s.Resources)}|{string.Join(',', s.NotResources)}|{s.Condition?.GetRawText()}"));
}
