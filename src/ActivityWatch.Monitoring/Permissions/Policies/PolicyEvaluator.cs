using ActivityWatch.Monitoring.Permissions.Catalog;

namespace ActivityWatch.Monitoring.Permissions.Policies;

/// <summary>
/// Identity policies into action sets: Allow and Deny, Action and NotAction with wildcards
/// expanded against the catalogue. Service control policies, permissions boundaries, session
/// policies and resource-based policies are out of scope: reports say so.
/// </summary>
public sealed class PolicyEvaluator(ActionCatalog catalog)
{
    // Principals share policies: a statement's expansion is computed once per evaluator.
    private readonly Dictionary<PolicyStatement, (string[] Actions, string[] Unexpanded)> _covered = new(ReferenceEqualityComparer.Instance);

    public const string Scope =
        "Identity-based policies only (managed, inline, group). Service control policies, permissions boundaries, " +
        "session policies and resource-based policies are not evaluated; Resource and Condition elements are reported as written.";

    public EffectivePermissions Evaluate(IReadOnlyList<AttachedPolicy> policies)
    {
        var allowed = new Dictionary<string, List<StatementConstraint>>(StringComparer.OrdinalIgnoreCase);
        var unexpanded = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var statements = policies.SelectMany(p => p.Document.Statements.Select(s => (Policy: p, Statement: s))).ToList();

        foreach (var (policy, statement) in statements.Where(x => x.Statement.Allow))
        {
            foreach (var action in Covered(statement, unexpanded))
            {
                if (!allowed.TryGetValue(action, out var constraints)) allowed[action] = constraints = [];
                if (!statement.IsUnconstrained) constraints.Add(Constraint(policy, statement));
            }
        }
        foreach (var (policy, statement) in statements.Where(x => !x.Statement.Allow))
        {
            foreach (var action in Covered(statement, unexpanded: null))
            {
                if (!allowed.TryGetValue(action, out var constraints)) continue;
                if (statement.IsUnconstrained) allowed.Remove(action);
                else constraints.Add(Constraint(policy, statement));
            }
        }
        var granted = allowed
            .Select(a => new GrantedAction(catalog.Describe(a.Key), a.Value))
            .OrderBy(g => g.Action, StringComparer.Ordinal)
            .ToList();
        return new EffectivePermissions(policies, granted, unexpanded.ToList());
    }

    private IEnumerable<string> Covered(PolicyStatement statement, ISet<string>? unexpanded)
    {
        if (!_covered.TryGetValue(statement, out var cached))
        {
            var notes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            _covered[statement] = cached = (Expand(statement, notes).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), notes.ToArray());
        }
        unexpanded?.UnionWith(cached.Unexpanded);
        return cached.Actions;
    }

    private IEnumerable<string> Expand(PolicyStatement statement, ISet<string>? unexpanded)
    {
        if (statement.NotActions.Count > 0)
        {
            var excluded = statement.NotActions.SelectMany(catalog.Expand).ToHashSet(StringComparer.OrdinalIgnoreCase);
            unexpanded?.Add("NotAction: every action except " + string.Join(", ", statement.NotActions));
            return catalog.All.Select(a => a.Action).Where(a => !excluded.Contains(a));
        }
        var covered = new List<string>();
        foreach (var pattern in statement.Actions)
        {
            if (!ActionPattern.IsWildcard(pattern))
            {
                covered.Add(catalog.Describe(pattern).Action);
                continue;
            }
            covered.AddRange(catalog.Expand(pattern));
            var service = ActionPattern.ServiceOf(pattern);
            if (service is null || !catalog.KnowsService(service)) unexpanded?.Add(pattern);
        }
        return covered;
    }

    private static StatementConstraint Constraint(AttachedPolicy policy, PolicyStatement statement) =>
        new(policy.Source, statement.Sid, statement.Allow ? "Allow" : "Deny", statement.Resources, statement.NotResources, statement.Condition);
}
