namespace ActivityWatch.Monitoring.LivePath;

/// <summary>How far the live path is (the newest event it processed against the newest stored), and the records its members could not process.</summary>
public sealed record LivePathStatus(long ProcessedSequence, long NewestSequence, int FailureCount, IReadOnlyList<ProjectionFailure> RecentFailures)
{
    public long Behind => Math.Max(0, NewestSequence - ProcessedSequence);
}
