using ActivityWatch.Monitoring.Quarantine;

namespace ActivityWatch.Ingestion.Pipeline;

/// <summary>
/// Caps an object's quarantine entries: the first <c>cap</c> rejected positions are stored one by
/// one; the rest of a garbage object becomes one entry (id "{object}#rest") holding how many positions
/// it stands for, the first of them and the last reason. The positions still count as rejected, so
/// the ingest balances. Resuming an object continues the count: the checkpoint's rejected total says
/// how many entries exist, the stored rest entry where folding began.
/// </summary>
internal sealed class RejectionFolding(string sourceObject, int cap, long rejectedBefore, QuarantinedRecord? restBefore)
{
    private long _stored = Math.Min(rejectedBefore, cap);
    private QuarantinedRecord? _rest = restBefore;

    public static string RestId(string sourceObject) => $"{sourceObject}#rest";

    /// <summary>False when the rejection must be kept as its own entry; true when it was folded into the rest.</summary>
    public bool Fold(QuarantinedRecord rejection)
    {
        if (_stored < cap)
        {
            _stored++;
            return false;
        }
        _rest ??= new QuarantinedRecord
        {
            Id = RestId(sourceObject),
            SourceObject = sourceObject,
            Position = rejection.Position,
            ByteOffset = rejection.ByteOffset,
            Line = rejection.Line,
            Excerpt = rejection.Excerpt,
            Count = 0,
        };
        _rest.Count++;
        _rest.QuarantinedAt = rejection.QuarantinedAt;
        _rest.Reason = $"{_rest.Count} more record(s) rejected from position {_rest.Position} to {rejection.Position}, after the first {cap} " +
                       $"(ActivityWatch:Ingestion:MaxQuarantinePerObject); the last: {rejection.Reason}";
        Changed = true;
        return true;
    }

    /// <summary>True when the rest entry changed since it was last taken for a batch.</summary>
    public bool Changed { get; private set; }

    /// <summary>A copy of the rest entry for a batch to store (the batch is stored later; the count keeps growing).</summary>
    public QuarantinedRecord? TakeRest()
    {
        if (!Changed || _rest is null) return null;
        Changed = false;
        return new QuarantinedRecord
        {
            Id = _rest.Id, SourceObject = _rest.SourceObject, Position = _rest.Position, ByteOffset = _rest.ByteOffset, Line = _rest.Line,
            Reason = _rest.Reason, Excerpt = _rest.Excerpt, QuarantinedAt = _rest.QuarantinedAt, Count = _rest.Count,
        };
    }
}
