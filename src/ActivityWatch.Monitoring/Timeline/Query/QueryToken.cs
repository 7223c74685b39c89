namespace ActivityWatch.Monitoring.Timeline.Query;

internal enum QueryTokenKind
{
    Open,
    Close,
    And,
    Or,
    Not,
    Term,
    End,
}

/// <summary>A term token carries its field text (null when bare) and value; operators carry nothing.</summary>
internal readonly record struct QueryToken(QueryTokenKind Kind, int Position, string? Field = null, string Value = "", int ValuePosition = 0);
