namespace ActivityWatch.Monitoring.Timeline.Query;

public sealed record AndQuery(QueryNode Left, QueryNode Right) : QueryNode;
