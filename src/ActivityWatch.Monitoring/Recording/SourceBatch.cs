using ActivityWatch.Monitoring.Quarantine;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Recording;

/// <summary>
/// A run of consecutive positions of one log object: the records read there, and the ones that
/// could not be read. <see cref="NextPosition"/> is the position after the last one covered.
/// A CloudTrail digest file is a batch with no records that completes its object.
/// </summary>
public sealed record SourceBatch(
    string SourceObject,
    string? Fingerprint,
    IReadOnlyList<ActivityRecorded> Records,
    IReadOnlyList<QuarantinedRecord> Rejections,
    long NextPosition,
    bool CompletesObject,
    bool DigestFile = false)
{
    public int Positions => Records.Count + Rejections.Count;
}

/// <summary>What one batch did. Always: Read = Ingested + Duplicates + Rejected.</summary>
public readonly record struct BatchOutcome(int Read, int Ingested, int Duplicates, int Rejected);
