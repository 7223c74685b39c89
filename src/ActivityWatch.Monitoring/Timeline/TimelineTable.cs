using ActivityWatch.Monitoring.Store;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace ActivityWatch.Monitoring.Timeline;

/// <summary>
/// The timeline index: one narrow row per log record with the fields analysts filter on.
/// It is written in the same transaction as the events (see ActivityRecorder), so a record is
/// searchable the moment it is stored, and its primary key doubles as the idempotency guard.
/// The raw record stays in the event (its body, see EventBodies), joined by event id.
/// </summary>
public static class TimelineTable
{
    public const string Name = "aw_timeline";

    /// <summary>SQL: the timeline as <c>t</c> joined to each row's stored event as <c>e</c> (its body: see EventBodies).</summary>
    public static string JoinedToEvents(string schema) => $"{schema}.{Name} t JOIN {MartenTables.Events(schema)} e ON e.id = t.event_id";

    public static Table Define(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, Name, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("event_id").AsPrimaryKey();
        table.AddColumn("event_time", "timestamptz").NotNull();
        table.AddColumn("source", "text").NotNull();
        table.AddColumn("record_id", "text");
        table.AddColumn("principal", "text").NotNull();
        table.AddColumn("session_name", "text");
        table.AddColumn("identity_type", "text").NotNull();
        table.AddColumn("account_id", "text");
        table.AddColumn("event_source", "text");
        table.AddColumn("event_name", "text");
        table.AddColumn("aws_region", "text");
        table.AddColumn("source_ip", "text");
        table.AddColumn("user_agent", "text");
        table.AddColumn("error_code", "text");
        table.AddColumn("access_key_id", "text");
        table.AddColumn("mfa", "boolean");
        table.AddColumn("source_object", "text").NotNull();

        // Every timeline filter is "this value, newest first": one (value, time) index each.
        foreach (var column in new[] { "principal", "access_key_id", "source_ip", "event_name" })
        {
            table.Indexes.Add(new IndexDefinition($"ix_{Name}_{column}_time")
            {
                Columns = [column, "event_time"],
                SortOrder = SortOrder.Desc,
            });
        }
        table.Indexes.Add(new IndexDefinition($"ix_{Name}_time") { Columns = ["event_time"], SortOrder = SortOrder.Desc });
        return table;
    }
}
