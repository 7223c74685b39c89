using Marten;

namespace ActivityWatch.Monitoring.Audit;

/// <summary>The analyst audit trail: who did what, when. Events, so it is append-only like the rest of the store.</summary>
public sealed class AuditTrail(IDocumentStore store)
{
    public const string StreamPrefix = "audit:";

    /// <summary>Most text an analyst may attach to an action (a note, an assignee): the trail is for people to read, not a file store.</summary>
    public const int MaxNoteLength = 2_000;

    /// <summary>For actions that change nothing else (a policy download); a change records its entry with <see cref="Append"/>.</summary>
    public async Task RecordAsync(AnalystActed action, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        Append(session, action);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the action to a session that also stores the change it describes, so both commit together.</summary>
    public static void Append(IDocumentOperations session, AnalystActed action) =>
        session.Events.Append($"{StreamPrefix}{action.At.UtcDateTime:yyyy-MM-dd}", action);

    /// <summary>Newest first; optionally one actor's actions (its id, e.g. "key:0193...").</summary>
    public async Task<IReadOnlyList<AnalystActed>> ListAsync(string? actor, int limit, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        IQueryable<AnalystActed> query = session.Events.QueryRawEventDataOnly<AnalystActed>();
        if (actor is not null) query = query.Where(a => a.Actor == actor);
        return await query.OrderByDescending(a => a.At).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(cancellationToken);
    }
}
