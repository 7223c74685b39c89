namespace ActivityWatch.Monitoring.LivePath;

/// <summary>What <see cref="ViewVerifier"/> found: each view compared with its recomputation, and the records members could not process.</summary>
public sealed record ViewVerification(
    long ProcessedSequence, long NewestSequence, long RecordsChecked, IReadOnlyList<ViewComparison> Views,
    IReadOnlyList<SkippedRange> SkippedRanges, int ProjectionFailureCount, IReadOnlyList<ProjectionFailure> ProjectionFailures)
{
    /// <summary>Events the daemon passed over without projecting them.</summary>
    public long SkippedEvents => SkippedRanges.Sum(r => r.Events);

    public bool Clean => Views.All(v => v.Differences == 0) && SkippedEvents == 0;
}
