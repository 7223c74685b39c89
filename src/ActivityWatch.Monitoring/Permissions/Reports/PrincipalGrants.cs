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
        var parsed = new Dictionary<string, PolicyDocument>(StringComparer.Ordinal);
        var ids = new Dictionary<PolicyDocument, int>(ReferenceEqualityComparer.Instance);
        foreach (var state in states)
        {
            var identities = state.Users.Values.Cast<IamIdentityState>().Concat(state.Roles.Values);
            foreach (var identity in identities)
            {
                var (policies, notes) = PrincipalPolicies.For(state, identity, parsed);
                var key = string.Join(',', policies.Select(p => ids.TryGetValue(p.Document, out var id) ? id : ids[p.Document] = ids.Count).Order());
                if (!cache.TryGetValue(key, out var permissions)) cache[key] = permissions = evaluator.Evaluate(policies);
                grants.Add(new PrincipalGrant(state.AccountId, identity, permissions, notes));
            }
        }
        return grants;
    }
}
