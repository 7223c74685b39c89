namespace ActivityWatch.Monitoring.Timeline.Query;

public sealed record NotQuery(QueryNode Operand) : QueryNode;
