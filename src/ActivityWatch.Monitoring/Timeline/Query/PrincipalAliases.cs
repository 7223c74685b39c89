namespace ActivityWatch.Monitoring.Timeline.Query;

/// <summary>
/// Widens each exact <c>principal:ARN</c> term of a query to the forms the logs name that
/// principal by (a role's ARN and the pathless form S3 access logs print), so a pivot on a role
/// finds all of its records. Wildcard terms and other fields are left as written.
/// </summary>
public static class PrincipalAliases
{
    /// <summary>The exact principal values a query names.</summary>
    public static IEnumerable<string> Named(QueryNode node) => node switch
    {
        AndQuery and => Named(and.Left).Concat(Named(and.Right)),
        OrQuery or => Named(or.Left).Concat(Named(or.Right)),
        NotQuery not => Named(not.Operand),
        TermQuery term when IsExactPrincipal(term) => [term.Value],
        _ => [],
    };

    public static QueryNode Widen(QueryNode node, Func<string, IReadOnlyList<string>> aliases) => node switch
    {
        AndQuery and => new AndQuery(Widen(and.Left, aliases), Widen(and.Right, aliases)),
        OrQuery or => new OrQuery(Widen(or.Left, aliases), Widen(or.Right, aliases)),
        NotQuery not => new NotQuery(Widen(not.Operand, aliases)),
        TermQuery term when IsExactPrincipal(term) => aliases(term.Value)
            .Select(a => (QueryNode)(term with { Value = a }))
            .Aggregate((left, right) => new OrQuery(left, right)),
        _ => node,
    };

    private static bool IsExactPrincipal(TermQuery term) =>
        term.Field?.Name == "principal" && term.Value.IndexOfAny(['*', '?', '\\']) < 0;
}
