namespace ActivityWatch.Monitoring.Timeline.Query;

/// <summary>The query cannot be read; <see cref="Position"/> is the 0-based character offset of the problem.</summary>
public sealed class QuerySyntaxException(string reason, int position)
    : Exception($"{reason} at position {position}")
{
    public string Reason { get; } = reason;
    public int Position { get; } = position;

    /// <summary>Set when the query names a field the language does not know (the problem then lists the known ones).</summary>
    public string? UnknownField { get; init; }
}
