namespace ActivityWatch.Monitoring.Alerts.Lifecycle;

/// <summary>The events a command produces, or why it was refused.</summary>
public sealed record AlertDecision(IReadOnlyList<object> Events, string? Refusal)
{
    public bool Accepted => Refusal is null;

    public static AlertDecision Accept(params object[] events) => new(events, null);

    public static AlertDecision Refuse(string why) => new([], why);
}
