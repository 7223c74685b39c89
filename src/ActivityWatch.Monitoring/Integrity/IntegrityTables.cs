using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace ActivityWatch.Monitoring.Integrity;

/// <summary>
/// What the verifier keeps: every log file read (key and hash), every digest read (its chain
/// fields) and each file it lists, with the verdict reached on each so far (null: not judged yet),
/// and every finding. Plain tables beside Marten's, because verification is a join of the three;
/// written only by the verifier, under a transaction-scoped advisory lock.
/// </summary>
public static class IntegrityTables
{
    public const string LogFiles = "aw_integrity_log_files";
    public const string Digests = "aw_integrity_digests";
    public const string Listings = "aw_integrity_listings";
    public const string Findings = "aw_integrity_findings";

    public static IEnumerable<Table> Define(string schema)
    {
        var logs = new Table(Name(schema, LogFiles));
        logs.AddColumn("log_key", "text").AsPrimaryKey();
        logs.AddColumn("sha256", "text").AsPrimaryKey();
        logs.AddColumn("log_partition", "text").NotNull();
        logs.AddColumn("account_id", "text").NotNull();
        logs.AddColumn("region", "text").NotNull();
        logs.AddColumn("file_time", "timestamptz");
        logs.AddColumn("source_object", "text").NotNull();
        logs.AddColumn("read_at", "timestamptz").NotNull();
        // listed, modified, added; uncovered (no digest covers its time: validation was off); null until judged.
        logs.AddColumn("state", "text");
        logs.Indexes.Add(new IndexDefinition($"ix_{LogFiles}_partition_time") { Columns = ["log_partition", "file_time"] });
        logs.Indexes.Add(new IndexDefinition($"ix_{LogFiles}_pending") { Columns = ["log_key"], Predicate = "state IS NULL" });
        yield return logs;

        var digests = new Table(Name(schema, Digests));
        digests.AddColumn("digest_key", "text").AsPrimaryKey();
        digests.AddColumn("sha256", "text").AsPrimaryKey();
        digests.AddColumn("trail", "text").NotNull();
        digests.AddColumn("trail_arn", "text").NotNull();
        digests.AddColumn("digest_partition", "text");
        digests.AddColumn("account_id", "text");
        digests.AddColumn("region", "text");
        digests.AddColumn("trail_name", "text");
        digests.AddColumn("home_region", "text");
        digests.AddColumn("key_time", "timestamptz");
        digests.AddColumn("start_time", "timestamptz");
        digests.AddColumn("end_time", "timestamptz");
        digests.AddColumn("end_time_text", "text");
        digests.AddColumn("backfill", "boolean").NotNull().DefaultValueByExpression("false");
        digests.AddColumn("problem", "text");
        // true: read where it says it was delivered; false: moved; null: read from a name that is no digest key.
        digests.AddColumn("location_ok", "boolean");
        digests.AddColumn("digest_s3_bucket", "text");
        digests.AddColumn("digest_s3_object", "text");
        digests.AddColumn("previous_key", "text");
        digests.AddColumn("previous_key_time", "timestamptz");
        digests.AddColumn("previous_hash", "text");
        digests.AddColumn("previous_signature", "text");
        digests.AddColumn("signature", "text");
        digests.AddColumn("fingerprint", "text");
        digests.AddColumn("signature_algorithm", "text");
        digests.AddColumn("log_files", "integer").NotNull().DefaultValueByExpression("0");
        digests.AddColumn("source_object", "text").NotNull();
        digests.AddColumn("read_at", "timestamptz").NotNull();
        // ok, anchor, start, restarted, broken, none (backfill); null until judged.
        digests.AddColumn("link", "text");
        // referenced (a later digest names it), unchained; null while it is the newest.
        digests.AddColumn("chain", "text");
        // valid, invalid, no-key; null when not (yet) checked.
        digests.AddColumn("signature_state", "text");
        // verified, failed; null while something it vouches for is not judged.
        digests.AddColumn("verdict", "text");
        digests.Indexes.Add(new IndexDefinition($"ix_{Digests}_trail_time") { Columns = ["trail", "key_time"] });
        digests.Indexes.Add(new IndexDefinition($"ix_{Digests}_partition_start") { Columns = ["digest_partition", "start_time"] });
        digests.Indexes.Add(new IndexDefinition($"ix_{Digests}_previous") { Columns = ["previous_key"] });
        digests.Indexes.Add(new IndexDefinition($"ix_{Digests}_pending") { Columns = ["trail"], Predicate = "verdict IS NULL OR chain IS NULL" });
        yield return digests;

        var listings = new Table(Name(schema, Listings));
        listings.AddColumn("digest_key", "text").AsPrimaryKey();
        listings.AddColumn("digest_sha256", "text").AsPrimaryKey();
        listings.AddColumn("log_key", "text").AsPrimaryKey();
        listings.AddColumn("expected_sha256", "text").NotNull();
        listings.AddColumn("log_partition", "text");
        listings.AddColumn("file_time", "timestamptz");
        listings.AddColumn("trail", "text").NotNull();
        listings.AddColumn("read_at", "timestamptz").NotNull();
        // ok, modified, missing; unjudged (never read around it); null until judged.
        listings.AddColumn("state", "text");
        listings.Indexes.Add(new IndexDefinition($"ix_{Listings}_log_key") { Columns = ["log_key"] });
        listings.Indexes.Add(new IndexDefinition($"ix_{Listings}_pending") { Columns = ["log_key"], Predicate = "state IS NULL" });
        yield return listings;

        var findings = new Table(Name(schema, Findings));
        findings.AddColumn("id", "text").AsPrimaryKey();
        findings.AddColumn("kind", "text").NotNull();
        findings.AddColumn("trail", "text").NotNull();
        findings.AddColumn("trail_arn", "text").NotNull();
        findings.AddColumn("account_id", "text");
        findings.AddColumn("subject", "text").NotNull();
        findings.AddColumn("detail", "text").NotNull();
        findings.AddColumn("occurred_at", "timestamptz");
        findings.AddColumn("found_at", "timestamptz").NotNull();
        findings.Indexes.Add(new IndexDefinition($"ix_{Findings}_trail") { Columns = ["trail"] });
        yield return findings;
    }

    private static PostgresqlObjectName Name(string schema, string table) =>
        new(schema, table, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General);
}
