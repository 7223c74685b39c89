namespace ActivityWatch.Monitoring.Timeline.Query;

/// <summary>
/// Reads the SIEM-style query language: <c>field:value</c> terms with <c>*</c> and <c>?</c>
/// wildcards, quoted values, parentheses, and AND, OR, NOT (any case). Precedence, loosest
/// first: OR, then AND (also implied between adjacent terms), then NOT, as in Lucene and KQL.
/// </summary>
public static class TimelineQueryParser
{
    public const int MaxLength = 4_000;
    public const int MaxTerms = 64;
    private const int MaxDepth = 32;

    public static QueryNode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength) throw new QuerySyntaxException($"the query is longer than {MaxLength} characters", MaxLength);
        var parser = new Parser(QueryLexer.Tokenize(text));
        if (parser.Peek.Kind == QueryTokenKind.End) throw new QuerySyntaxException("the query is empty", 0);
        var node = parser.ParseOr(0);
        if (parser.Peek.Kind == QueryTokenKind.Close) throw new QuerySyntaxException("unmatched ')'", parser.Peek.Position);
        if (parser.Peek.Kind != QueryTokenKind.End) throw new QuerySyntaxException("unexpected input", parser.Peek.Position);
        return node;
    }

    /// <summary>Parses, or returns null with the error: for callers that answer errors without exceptions.</summary>
    public static bool TryParse(string text, out QueryNode? node, out QuerySyntaxException? error)
    {
        try
        {
            node = Parse(text);
            error = null;
            return true;
        }
        catch (QuerySyntaxException exception)
        {
            node = null;
            error = exception;
            return false;
        }
    }

    private sealed class Parser(List<QueryToken> tokens)
    {
        private int _index;
        private int _terms;

        public QueryToken Peek => tokens[_index];

        public QueryNode ParseOr(int depth)
        {
            var left = ParseAnd(depth);
            while (Peek.Kind == QueryTokenKind.Or)
            {
                _index++;
                left = new OrQuery(left, ParseAnd(depth));
            }
            return left;
        }

        private QueryNode ParseAnd(int depth)
        {
            var left = ParseNot(depth);
            while (true)
            {
                if (Peek.Kind == QueryTokenKind.And) _index++;
                else if (Peek.Kind is not (QueryTokenKind.Term or QueryTokenKind.Not or QueryTokenKind.Open)) return left;
                left = new AndQuery(left, ParseNot(depth));
            }
        }

        private QueryNode ParseNot(int depth)
        {
            if (Peek.Kind != QueryTokenKind.Not) return ParsePrimary(depth);
            _index++;
            return new NotQuery(ParseNot(depth + 1));
        }

        private QueryNode ParsePrimary(int depth)
        {
            if (depth > MaxDepth) throw new QuerySyntaxException($"the query nests deeper than {MaxDepth} levels", Peek.Position);
            var token = Peek;
            switch (token.Kind)
            {
                case QueryTokenKind.Open:
                    _index++;
                    if (Peek.Kind == QueryTokenKind.Close) throw new QuerySyntaxException("empty parentheses", Peek.Position);
                    var inner = ParseOr(depth + 1);
                    if (Peek.Kind != QueryTokenKind.Close) throw new QuerySyntaxException("expected ')' to close the '(' at position " + token.Position, Peek.Position);
                    _index++;
                    return inner;
                case QueryTokenKind.Term:
                    _index++;
                    if (++_terms > MaxTerms) throw new QuerySyntaxException($"the query has more than {MaxTerms} terms", token.Position);
                    return Term(token);
                case QueryTokenKind.End:
                    throw new QuerySyntaxException("expected a term at the end of the query", token.Position);
                case QueryTokenKind.Close:
                    throw new QuerySyntaxException("unexpected ')'", token.Position);
                default:
                    throw new QuerySyntaxException($"expected a term before '{token.Kind.ToString().ToUpperInvariant()}'", token.Position);
            }
        }

        private static TermQuery Term(QueryToken token)
        {
            if (token.Field is null) return new TermQuery(null, token.Value, token.Position, token.ValuePosition);
            var field = QueryField.Find(token.Field)
                        ?? throw new QuerySyntaxException(
                            $"unknown field '{token.Field}' (fields: {string.Join(", ", QueryField.All.Select(f => f.Name))})", token.Position);
            if (token.Value.Length == 0) throw new QuerySyntaxException($"expected a value after '{token.Field}:'", token.ValuePosition);
            if (field.Kind == QueryFieldKind.Boolean && ParseBoolean(token.Value) is null)
                throw new QuerySyntaxException($"'{field.Name}' is true or false, not '{token.Value}'", token.ValuePosition);
            // A CIDR block is checked here, not first in the compiler, so every caller hears of a bad one with its position.
            if (field.Kind == QueryFieldKind.IpAddress && QueryValue.Read(token.Value) is { HasWildcard: false, Exact: var exact } && exact.Contains('/')
                && !NetworkText.TryParse(exact, out _, out _, out var error, out var offset))
                throw new QuerySyntaxException(error!, token.ValuePosition + offset);
            return new TermQuery(field, token.Value, token.Position, token.ValuePosition);
        }
    }

    internal static bool? ParseBoolean(string value) => value.ToLowerInvariant() switch
    {
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => null,
    };
}
