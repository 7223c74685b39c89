namespace ActivityWatch.Monitoring.Timeline.Query;

/// <summary>
/// <c>field:value</c>, or a bare value when <see cref="Field"/> is null. <see cref="Value"/> is
/// the text as the analyst meant it: quotes removed, <c>\*</c> kept as an escaped star so the
/// compiler can tell a literal star from a wildcard. Positions are 0-based character offsets.
/// </summary>
public sealed record TermQuery(QueryField? Field, string Value, int Position, int ValuePosition) : QueryNode;
