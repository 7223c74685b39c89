using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace ActivityWatch.Ingestion.Aws.Store;

/// <summary>
/// What `watch` keeps about its sources: a StartAfter checkpoint per partition (one account and
/// region of a trail, one access log prefix), counters per source, and every error it met.
/// Plain tables beside Marten's, written with atomic SQL so several watch processes can share them.
/// </summary>
public static class SourceTables
{
    public const string Partitions = "aw_source_partitions";
    public const string Counters = "aw_source_counters";
    public const string Errors = "aw_source_errors";

    public static IEnumerable<Table> Define(string schema)
    {
        var partitions = new Table(Name(schema, Partitions));
        partitions.AddColumn("source", "text").AsPrimaryKey();
        partitions.AddColumn("partition", "text").AsPrimaryKey();
        partitions.AddColumn("account_id", "text");
        partitions.AddColumn("region", "text");
        partitions.AddColumn("layout", "text").NotNull();
        partitions.AddColumn("last_key", "text");
        partitions.AddColumn("newest_object_time", "timestamptz");
        partitions.AddColumn("objects", "bigint").NotNull().DefaultValueByExpression("0");
        partitions.AddColumn("updated_at", "timestamptz").NotNull();
        yield return partitions;

        var counters = new Table(Name(schema, Counters));
        counters.AddColumn("source", "text").AsPrimaryKey();
        counters.AddColumn("objects", "bigint").NotNull().DefaultValueByExpression("0");
        counters.AddColumn("records", "bigint").NotNull().DefaultValueByExpression("0");
        counters.AddColumn("digests", "bigint").NotNull().DefaultValueByExpression("0");
        counters.AddColumn("messages", "bigint").NotNull().DefaultValueByExpression("0");
        counters.AddColumn("dead_lettered", "bigint").NotNull().DefaultValueByExpression("0");
        counters.AddColumn("newest_object_time", "timestamptz");
        counters.AddColumn("updated_at", "timestamptz").NotNull();
        yield return counters;

        var errors = new Table(Name(schema, Errors));
        errors.AddColumn("id", "bigserial").AsPrimaryKey();
        errors.AddColumn("source", "text").NotNull();
        errors.AddColumn("object", "text");
        errors.AddColumn("kind", "text").NotNull();
        errors.AddColumn("message", "text").NotNull();
        errors.AddColumn("occurred_at", "timestamptz").NotNull();
        errors.Indexes.Add(new IndexDefinition($"ix_{Errors}_source") { Columns = ["source", "kind"] });
        yield return errors;
    }

    private static PostgresqlObjectName Name(string schema, string table) =>
        new(schema, table, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General);
}
