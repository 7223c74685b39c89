using Npgsql;

namespace ActivityWatch.Monitoring.Integrity;

/// <summary>
/// The checks of one verification round, as SQL over the verifier's tables. Each looks only at what
/// is not judged yet (state, link, chain or verdict null) and either records a finding and a verdict
/// or leaves the row for a later round. Findings come first, then the verdicts they rest on, both in
/// the caller's transaction; nothing else writes these tables (the caller holds the advisory lock).
/// The rules, as CloudTrail defines the digests (User Guide, "CloudTrail digest file structure" and
/// "Custom implementations of CloudTrail log file integrity validation"):
/// <list type="bullet">
/// <item>a log file whose SHA-256 differs from what a digest lists is modified;</item>
/// <item>a listed file never read, though files before and after it in its folder were, is missing;</item>
/// <item>a file no digest lists, though a digest covering its time (the name's time, or up to 15 minutes later, when it
/// was delivered) and one starting <see cref="IntegrityOptions.UnlistedAfter"/> later arrived, is added (a file delivered
/// while validation was off is in no digest's time: uncovered, no finding);</item>
/// <item>a digest whose SHA-256 differs from the next digest's previousDigestHashValue is modified; one the next names but
/// that was never read, though older digests of the trail were, is missing; one read under another key than the one it
/// names is moved; one no later digest links, while the chain skips over its time, is unchained;</item>
/// <item>a digest with no previous digest after older ones means the chain restarted (validation or logging was off).</item>
/// </list>
/// </summary>
internal sealed class IntegrityJudgments(string schema)
{
    private string Lf => $"{schema}.{IntegrityTables.LogFiles}";
    private string Li => $"{schema}.{IntegrityTables.Listings}";
    private string Dg => $"{schema}.{IntegrityTables.Digests}";
    private string F => $"{schema}.{IntegrityTables.Findings}";

    public async Task<List<IntegrityFinding>> RunAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, bool settled, DateTimeOffset now, IntegrityOptions options, CancellationToken cancellationToken)
    {
        var findings = new List<IntegrityFinding>();
        async Task Step(string? hit, params string[] updates)
        {
            if (hit is not null) findings.AddRange(await InsertFindingsAsync(connection, transaction, hit, settled, now, options, cancellationToken));
            foreach (var update in updates) await ExecuteAsync(connection, transaction, update, settled, now, options, cancellationToken);
        }

        // Log files, against what the digests list.
        await Step(null, $"""
            UPDATE {Lf} f SET state = 'listed'
            WHERE f.state IS NULL AND EXISTS (SELECT 1 FROM {Li} l WHERE l.log_key = f.log_key AND l.expected_sha256 = f.sha256)
            """);
        // A file whose hash differs from its listing, found from whichever side (file or digest) arrived last.
        var modified = $"""
            SELECT '{IntegrityFindingKinds.LogFileModified}|' || f.log_key || '|' || f.sha256 AS id, '{IntegrityFindingKinds.LogFileModified}' AS kind,
                   d.trail, d.trail_arn, f.account_id, f.log_key AS subject,
                   format('log file %s (read from %s) has SHA-256 %s, but digest %s lists it with %s: it changed after CloudTrail delivered it',
                          f.log_key, f.source_object, f.sha256, l.digest_key, l.expected_sha256) AS detail,
                   f.file_time AS occurred_at
            FROM {Lf} f JOIN {Li} l ON l.log_key = f.log_key JOIN {Dg} d ON d.digest_key = l.digest_key AND d.sha256 = l.digest_sha256
            """;
        await Step($"{modified} WHERE f.state IS NULL", $"""
            UPDATE {Lf} f SET state = 'modified'
            WHERE f.state IS NULL AND EXISTS (SELECT 1 FROM {Li} l WHERE l.log_key = f.log_key)
            """);
        var unlisted = $"""
            SELECT f.log_key, f.sha256, f.file_time, f.account_id, f.source_object, f.read_at,
                   (SELECT d.trail FROM {Dg} d
                    WHERE d.digest_partition = replace(f.log_partition, '/CloudTrail/', '/CloudTrail-Digest/') AND d.problem IS NULL AND NOT d.backfill
                      AND d.start_time <= f.file_time + interval '15 minutes' AND d.end_time >= f.file_time
                    ORDER BY d.start_time LIMIT 1) AS covering,
                   EXISTS (SELECT 1 FROM {Dg} d
                    WHERE d.digest_partition = replace(f.log_partition, '/CloudTrail/', '/CloudTrail-Digest/') AND d.problem IS NULL
                      AND d.start_time >= f.file_time + @unlisted) AS later
            FROM {Lf} f
            WHERE f.state IS NULL AND f.file_time IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {Li} l WHERE l.log_key = f.log_key)
            """;
        await Step($"""
            SELECT '{IntegrityFindingKinds.LogFileAdded}|' || c.log_key || '|' || c.sha256 AS id, '{IntegrityFindingKinds.LogFileAdded}' AS kind,
                   c.covering AS trail, (SELECT d.trail_arn FROM {Dg} d WHERE d.trail = c.covering LIMIT 1) AS trail_arn, c.account_id, c.log_key AS subject,
                   format('log file %s (read from %s) is in no digest, though the digests of its hour and later ones were read: CloudTrail did not deliver it',
                          c.log_key, c.source_object) AS detail,
                   c.file_time AS occurred_at
            FROM ({unlisted}) c
            WHERE c.covering IS NOT NULL AND c.later
            """, $"""
            UPDATE {Lf} f SET state = CASE WHEN c.covering IS NOT NULL AND c.later THEN 'added' ELSE 'uncovered' END
            FROM ({unlisted}) c
            WHERE f.log_key = c.log_key AND f.sha256 = c.sha256 AND (c.later OR c.read_at <= @now - @stale)
            """);

        // What each digest lists, against the log files read.
        await Step(null, $"""
            UPDATE {Li} l SET state = 'ok'
            WHERE l.state IS NULL AND EXISTS (SELECT 1 FROM {Lf} f WHERE f.log_key = l.log_key AND f.sha256 = l.expected_sha256)
            """);
        await Step($"{modified} WHERE l.state IS NULL", $"""
            UPDATE {Li} l SET state = 'modified'
            WHERE l.state IS NULL AND EXISTS (SELECT 1 FROM {Lf} f WHERE f.log_key = l.log_key)
            """);
        var unread = $"""
            SELECT l.digest_key, l.digest_sha256, l.log_key, l.expected_sha256, l.file_time, l.read_at, d.trail, d.trail_arn, d.account_id,
                   EXISTS (SELECT 1 FROM {Lf} e WHERE e.log_partition = l.log_partition AND e.file_time < l.file_time) AND
                   EXISTS (SELECT 1 FROM {Lf} e WHERE e.log_partition = l.log_partition AND e.file_time > l.file_time) AS bracketed
            FROM {Li} l JOIN {Dg} d ON d.digest_key = l.digest_key AND d.sha256 = l.digest_sha256
            WHERE l.state IS NULL AND NOT EXISTS (SELECT 1 FROM {Lf} f WHERE f.log_key = l.log_key)
            """;
        await Step($"""
            SELECT '{IntegrityFindingKinds.LogFileMissing}|' || c.log_key AS id, '{IntegrityFindingKinds.LogFileMissing}' AS kind,
                   c.trail, c.trail_arn, c.account_id, c.log_key AS subject,
                   format('log file %s is listed in digest %s (SHA-256 %s) but was never read, though files delivered before and after it were: it was deleted or moved',
                          c.log_key, c.digest_key, c.expected_sha256) AS detail,
                   c.file_time AS occurred_at
            FROM ({unread}) c
            WHERE c.bracketed AND (@settled OR c.read_at <= @now - @grace)
            """, $"""
            UPDATE {Li} l SET state = CASE WHEN c.bracketed THEN 'missing' ELSE 'unjudged' END
            FROM ({unread}) c
            WHERE l.digest_key = c.digest_key AND l.digest_sha256 = c.digest_sha256 AND l.log_key = c.log_key
              AND ((c.bracketed AND (@settled OR c.read_at <= @now - @grace)) OR c.read_at <= @now - @stale)
            """);

        // Digests: readable, where they say they are, and chained.
        await Step($"""
            SELECT '{IntegrityFindingKinds.DigestUnreadable}|' || d.digest_key || '|' || d.sha256 AS id, '{IntegrityFindingKinds.DigestUnreadable}' AS kind,
                   d.trail, d.trail_arn, d.account_id, d.digest_key AS subject,
                   format('digest %s (read from %s) could not be read: %s', d.digest_key, d.source_object, d.problem) AS detail,
                   d.key_time AS occurred_at
            FROM {Dg} d WHERE d.problem IS NOT NULL AND d.verdict IS NULL
            """, $"UPDATE {Dg} SET verdict = 'failed', chain = 'none' WHERE problem IS NOT NULL AND verdict IS NULL");
        await Step($"""
            SELECT '{IntegrityFindingKinds.DigestMoved}|' || d.digest_key || '|' || d.sha256 AS id, '{IntegrityFindingKinds.DigestMoved}' AS kind,
                   d.trail, d.trail_arn, d.account_id, d.digest_key AS subject,
                   format('digest %s (read from %s) names itself %s: it is not where CloudTrail delivered it', d.digest_key, d.source_object, d.digest_s3_object) AS detail,
                   d.key_time AS occurred_at
            FROM {Dg} d WHERE d.location_ok = false AND d.verdict IS NULL
            """, $"UPDATE {Dg} SET verdict = 'failed' WHERE location_ok = false AND verdict IS NULL");
        var starts = $"""
            SELECT d.digest_key, d.sha256, d.trail, d.trail_arn, d.account_id, d.key_time,
                   EXISTS (SELECT 1 FROM {Dg} o WHERE o.trail = d.trail AND o.key_time < d.key_time AND o.problem IS NULL AND NOT o.backfill) AS older
            FROM {Dg} d WHERE d.link IS NULL AND d.previous_key IS NULL AND d.problem IS NULL
            """;
        await Step($"""
            SELECT '{IntegrityFindingKinds.ChainRestarted}|' || c.digest_key AS id, '{IntegrityFindingKinds.ChainRestarted}' AS kind,
                   c.trail, c.trail_arn, c.account_id, c.digest_key AS subject,
                   format('digest %s starts a new chain though older digests of the trail were read: log file validation or logging was off, and files delivered meanwhile are in no digest',
                          c.digest_key) AS detail,
                   c.key_time AS occurred_at
            FROM ({starts}) c WHERE c.older
            """, $"""
            UPDATE {Dg} d SET link = CASE WHEN c.older THEN 'restarted' ELSE 'start' END
            FROM ({starts}) c WHERE d.digest_key = c.digest_key AND d.sha256 = c.sha256
            """);
        await Step(null, $"""
            UPDATE {Dg} d SET link = 'ok'
            WHERE d.link IS NULL AND d.previous_key IS NOT NULL
              AND EXISTS (SELECT 1 FROM {Dg} p WHERE p.digest_key = d.previous_key AND p.sha256 = d.previous_hash)
            """);
        await Step($"""
            SELECT '{IntegrityFindingKinds.DigestModified}|' || p.digest_key || '|' || p.sha256 AS id, '{IntegrityFindingKinds.DigestModified}' AS kind,
                   d.trail, d.trail_arn, d.account_id, p.digest_key AS subject,
                   format('digest %s (read from %s) has SHA-256 %s, but the next digest %s says it had %s: it changed after CloudTrail delivered it',
                          p.digest_key, p.source_object, p.sha256, d.digest_key, d.previous_hash) AS detail,
                   p.key_time AS occurred_at
            FROM {Dg} d JOIN {Dg} p ON p.digest_key = d.previous_key
            WHERE d.link IS NULL AND d.previous_key IS NOT NULL
            """, $"""
            UPDATE {Dg} p SET verdict = 'failed'
            WHERE EXISTS (SELECT 1 FROM {Dg} d WHERE d.previous_key = p.digest_key AND d.link IS NULL AND p.sha256 IS DISTINCT FROM d.previous_hash)
            """, $"""
            UPDATE {Dg} d SET link = 'broken'
            WHERE d.link IS NULL AND d.previous_key IS NOT NULL AND EXISTS (SELECT 1 FROM {Dg} p WHERE p.digest_key = d.previous_key)
            """);
        var orphans = $"""
            SELECT d.digest_key, d.sha256, d.trail, d.trail_arn, d.account_id, d.previous_key, d.previous_key_time, d.read_at,
                   EXISTS (SELECT 1 FROM {Dg} o WHERE o.trail = d.trail AND o.key_time < d.previous_key_time AND o.problem IS NULL AND NOT o.backfill) AS older
            FROM {Dg} d
            WHERE d.link IS NULL AND d.previous_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {Dg} p WHERE p.digest_key = d.previous_key)
            """;
        await Step($"""
            SELECT '{IntegrityFindingKinds.DigestMissing}|' || c.previous_key AS id, '{IntegrityFindingKinds.DigestMissing}' AS kind,
                   c.trail, c.trail_arn, c.account_id, c.previous_key AS subject,
                   format('digest %s names %s as the digest before it, which was never read, though older digests of the trail were: it was deleted',
                          c.digest_key, c.previous_key) AS detail,
                   c.previous_key_time AS occurred_at
            FROM ({orphans}) c WHERE c.older AND (@settled OR c.read_at <= @now - @grace)
            """, $"""
            UPDATE {Dg} d SET link = CASE WHEN c.older THEN 'broken' ELSE 'anchor' END
            FROM ({orphans}) c
            WHERE d.digest_key = c.digest_key AND d.sha256 = c.sha256 AND (NOT c.older OR @settled OR c.read_at <= @now - @grace)
            """);
        await Step(null, $"""
            UPDATE {Dg} d SET chain = CASE WHEN d.backfill OR d.problem IS NOT NULL THEN 'none' ELSE 'referenced' END
            WHERE d.chain IS NULL AND (d.backfill OR d.problem IS NOT NULL OR EXISTS (SELECT 1 FROM {Dg} n WHERE n.previous_key = d.digest_key))
            """);
        var skipped = $"""
            FROM {Dg} d JOIN {Dg} n ON n.trail = d.trail AND n.previous_key IS NOT NULL AND n.previous_key <> d.digest_key
                 AND n.previous_key_time <= d.key_time AND n.key_time > d.key_time
            WHERE d.chain IS NULL
            """;
        await Step($"""
            SELECT DISTINCT ON (d.digest_key, d.sha256)
                   '{IntegrityFindingKinds.DigestUnchained}|' || d.digest_key || '|' || d.sha256 AS id, '{IntegrityFindingKinds.DigestUnchained}' AS kind,
                   d.trail, d.trail_arn, d.account_id, d.digest_key AS subject,
                   format('digest %s (read from %s) is not in the chain: digest %s links straight to %s, before it. CloudTrail did not write it',
                          d.digest_key, d.source_object, n.digest_key, n.previous_key) AS detail,
                   d.key_time AS occurred_at
            {skipped}
            """, $"""
            UPDATE {Dg} x SET chain = 'unchained', verdict = 'failed'
            WHERE EXISTS (SELECT 1 {skipped} AND d.digest_key = x.digest_key AND d.sha256 = x.sha256)
            """);
        return findings;
    }

    /// <summary>Verdicts once the checks (and signatures) ran: a digest vouches for its hour when all it lists and its link check out.</summary>
    public async Task ConcludeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            UPDATE {Dg} d SET verdict = 'failed'
            WHERE d.verdict IS NULL AND (d.link = 'broken' OR d.signature_state = 'invalid'
              OR EXISTS (SELECT 1 FROM {Li} l WHERE l.digest_key = d.digest_key AND l.digest_sha256 = d.sha256 AND l.state IN ('modified', 'missing')));
            UPDATE {Dg} d SET verdict = CASE
                WHEN EXISTS (SELECT 1 FROM {Li} l WHERE l.digest_key = d.digest_key AND l.digest_sha256 = d.sha256 AND l.state = 'unjudged') THEN 'partial'
                ELSE 'verified' END
            WHERE d.verdict IS NULL AND d.problem IS NULL AND d.link IS NOT NULL AND d.link <> 'broken'
              AND d.location_ok IS DISTINCT FROM false AND d.signature_state IS DISTINCT FROM 'invalid'
              AND NOT EXISTS (SELECT 1 FROM {Li} l WHERE l.digest_key = d.digest_key AND l.digest_sha256 = d.sha256 AND (l.state IS NULL OR l.state IN ('modified', 'missing')));
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<IntegrityFinding>> InsertFindingsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string hit, bool settled, DateTimeOffset now, IntegrityOptions options, CancellationToken cancellationToken)
    {
        var sql = $"""
            INSERT INTO {F} (id, kind, trail, trail_arn, account_id, subject, detail, occurred_at, found_at)
            SELECT DISTINCT ON (h.id) h.id, h.kind, h.trail, h.trail_arn, h.account_id, h.subject, h.detail, h.occurred_at, @now
            FROM ({hit}) h
            ORDER BY h.id
            ON CONFLICT (id) DO NOTHING
            RETURNING id, kind, trail, trail_arn, account_id, subject, detail, occurred_at
            """;
        await using var command = Command(connection, transaction, sql, settled, now, options);
        var found = new List<IntegrityFinding>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new IntegrityFinding(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        }
        return found;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, bool settled, DateTimeOffset now, IntegrityOptions options, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, settled, now, options);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, bool settled, DateTimeOffset now, IntegrityOptions options)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        // Only the parameters the statement names.
        if (sql.Contains("@now", StringComparison.Ordinal)) command.Parameters.AddWithValue("now", now.UtcDateTime);
        if (sql.Contains("@settled", StringComparison.Ordinal)) command.Parameters.AddWithValue("settled", settled);
        if (sql.Contains("@grace", StringComparison.Ordinal)) command.Parameters.AddWithValue("grace", options.Grace);
        if (sql.Contains("@unlisted", StringComparison.Ordinal)) command.Parameters.AddWithValue("unlisted", options.UnlistedAfter);
        if (sql.Contains("@stale", StringComparison.Ordinal)) command.Parameters.AddWithValue("stale", TimeSpan.FromDays(1));
        return command;
    }
}
