namespace ActivityWatch.Monitoring.Store;

/// <summary>
/// The tables of Marten's own that ActivityWatch reads with SQL of its own (the event log, the
/// daemon's progress and its skips), named in one place so a Marten upgrade that moves them
/// touches one file. Everything else goes through Marten's API.
/// </summary>
public static class MartenTables
{
    /// <summary>Every stored event, in sequence order (<c>seq_id</c>); bodies in <c>bdata</c>, see <see cref="EventBodies"/>.</summary>
    public static string Events(string schema) => $"{schema}.mt_events";

    public static string Streams(string schema) => $"{schema}.mt_streams";

    /// <summary>The async daemon's progress per shard (<c>name</c>, <c>last_seq_id</c>), and its high-water mark.</summary>
    public static string Progression(string schema) => $"{schema}.mt_event_progression";

    /// <summary>Sequence ranges the high-water mark moved past after a hole went stale.</summary>
    public static string HighWaterSkips(string schema) => $"{schema}.mt_high_water_skips";

    /// <summary>Events the daemon dead-lettered (created on first use).</summary>
    public static string DeadLetters(string schema) => $"{schema}.mt_doc_deadletterevent";

    /// <summary>The progress row of a shard ("ActivityViews:All").</summary>
    public static string ShardProgress(string shard) => $"{shard}:All";
}
