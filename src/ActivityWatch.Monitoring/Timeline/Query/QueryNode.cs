namespace ActivityWatch.Monitoring.Timeline.Query;

/// <summary>A parsed timeline query: terms combined with AND, OR and NOT.</summary>
public abstract record QueryNode;
