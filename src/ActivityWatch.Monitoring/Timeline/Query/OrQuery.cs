namespace ActivityWatch.Monitoring.Timeline.Query;

public sealed record OrQuery(QueryNode Left, QueryNode Right) : QueryNode;
