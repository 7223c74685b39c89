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
    /// <summary>
    /// Rejected positions past the object's quarantine cap: counted as rejected, but summed up in
    /// one entry (among <see cref="Documents"/>) instead of stored one by one.
    /// </summary>
    public int FoldedRejections { get; init; }

    /// <summary>Documents stored in the batch's transaction with its checkpoint (integrity facts, the folded rejections' entry).</summary>
    public IReadOnlyList<object> Documents { get; init; } = [];

    public int Positions => Records.Count + Rejections.Count + FoldedRejections;
}

/// <summary>What one batch did. Always: Read = Ingested + Duplicates + Rejected.</summary>
public readonly record struct BatchOutcome(int Read, int Ingested, int Duplicates, int Rejected);
