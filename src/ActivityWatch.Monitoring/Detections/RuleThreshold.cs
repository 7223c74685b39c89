using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections;

/// <summary>
/// An aggregating rule fires when at least <see cref="Count"/> matches of one principal fall within
/// <see cref="Window"/>. With <see cref="Distinct"/>, it counts distinct values instead (instances,
/// secrets, networks, API names): one record may bring several (a GetParameters of ten names).
/// With <see cref="Group"/>, a principal's matches are counted per group (an instance's session).
/// </summary>
public sealed record RuleThreshold(int Count, TimeSpan Window)
{
    public Func<ActivityRecorded, IEnumerable<string>>? Distinct { get; init; }
    public Func<ActivityRecorded, string?>? Group { get; init; }
}
