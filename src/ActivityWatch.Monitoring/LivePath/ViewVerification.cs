namespace ActivityWatch.Monitoring.LivePath;

/// <summary>What <see cref="ViewVerifier"/> found: each view compared with its recomputation, and the records members could not process.</summary>
public sealed record ViewVerification(
    long ProcessedSequence, long NewestSequence, long RecordsChecked, IReadOnlyList<ViewComparison> Views,
    IReadOnlyList<SkippedRange> SkippedRanges, int ProjectionFailureCount, IReadOnlyList<ProjectionFailure> ProjectionFailures)
{
    /// <summary>Sequence numbers the daemon jumped over that no stored event holds (rolled-back appends).</summary>
    public long Holes => SkippedRanges.Sum(r => r.Holes);

    /// <summary>Events the daemon dead-lettered instead of handing them to the live path.</summary>
    public long DeadLetteredEvents { get; init; }

    /// <summary>Every view equals the fold of the stored events it has processed.</summary>
    public bool Clean => Views.All(v => v.Differences == 0);
}
