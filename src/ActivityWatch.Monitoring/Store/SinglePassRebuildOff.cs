using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace ActivityWatch.Monitoring.Store;

/// <summary>
/// A member of the live path's composite that does nothing itself: it opts the composite out of
/// JasperFx's single-pass rebuild, so the live path only ever reads events below the daemon's
/// high-water mark.
/// </summary>
/// <remarks>
/// When a composite starts with no progress while events are already stored (a new store whose
/// first ingest began before the daemon, a node taking over before the first page committed),
/// JasperFx.Events 2.100-2.102 (Marten 9.58-9.62) replays it in one pass from 0 up to the event
/// sequence's last value, then carries on from there. That value counts sequence numbers that an
/// append still in flight has drawn but not committed: those events become visible after the pass
/// has moved beyond them and no member ever sees them (found by the kill tests, reproduced by
/// EventOrderTests: every view lost a whole ingest transaction's records). A member that cannot
/// join a single-pass rebuild makes the whole composite take the ordinary path, which waits for
/// such an append (see EventAppendOrder).
/// </remarks>
public sealed class SinglePassRebuildOff : EventProjection, IProjectionSource<IDocumentOperations, IQuerySession>
{
    bool IProjectionSource<IDocumentOperations, IQuerySession>.CanParticipateInCompositeReplay => false;

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation) => ValueTask.CompletedTask;
}
