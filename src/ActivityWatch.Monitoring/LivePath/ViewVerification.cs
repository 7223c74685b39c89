namespace ActivityWatch.Monitoring.LivePath;

/// <summary>What <see cref="ViewVerifier"/> found: each view compared with its recomputation, and the records members could not process.</summary>
public sealed record ViewVerification(
    long ProcessedSequence, long NewestSequence, long RecordsChecked, IReadOnlyList<ViewComparison> Views,
    int ProjectionFailureCount, IReadOnlyList<ProjectionFailure> ProjectionFailures)
{
    public bool Clean => Views.All(v => v.Differences == 0);
}
