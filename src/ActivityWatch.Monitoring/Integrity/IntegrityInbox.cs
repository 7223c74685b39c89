using System.Globalization;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace ActivityWatch.Monitoring.Integrity;

/// <summary>
/// Moves the facts the write path stored (<see cref="LogFileRead"/>, <see cref="DigestRead"/>) into
/// the verifier's tables, in the verifier's transaction: rows are inserted once (a fact read again
/// changes nothing) and the documents deleted. What a digest says is normalised here: keys from
/// AWSLogs/ on, times parsed, the trail named by the digest's key.
/// </summary>
internal sealed class IntegrityInbox(string schema)
{
    private const int Page = 2_000;

    public async Task<(int LogFiles, int Digests)> MoveAsync(IDocumentSession session, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var logFiles = 0;
        var digests = 0;
        while (true)
        {
            var page = await session.Query<LogFileRead>().OrderBy(l => l.Id).Take(Page).ToListAsync(cancellationToken);
            if (page.Count == 0) break;
            await InsertLogFilesAsync(page, connection, transaction, cancellationToken);
            foreach (var read in page) session.Delete<LogFileRead>(read.Id);
            await session.SaveChangesAsync(cancellationToken);
            logFiles += page.Count;
            if (page.Count < Page) break;
        }
        while (true)
        {
            var page = await session.Query<DigestRead>().OrderBy(d => d.Id).Take(Page / 10).ToListAsync(cancellationToken);
            if (page.Count == 0) break;
            foreach (var digest in page) await InsertDigestAsync(digest, connection, transaction, cancellationToken);
            foreach (var digest in page) session.Delete<DigestRead>(digest.Id);
            await session.SaveChangesAsync(cancellationToken);
            digests += page.Count;
            if (page.Count < Page / 10) break;
        }
        return (logFiles, digests);
    }

    private async Task InsertLogFilesAsync(IReadOnlyList<LogFileRead> reads, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = reads.Select(r => (Read: r, Key: CloudTrailKeys.LogFile(r.Key))).Where(r => r.Key is not null).ToList();
        if (rows.Count == 0) return;
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {schema}.{IntegrityTables.LogFiles} (log_key, sha256, log_partition, account_id, region, file_time, source_object, read_at)
            SELECT * FROM unnest(@keys, @hashes, @partitions, @accounts, @regions, @times, @sources, @read_at)
            ON CONFLICT (log_key, sha256) DO NOTHING
            """, connection, transaction);
        command.Parameters.Add(Text("keys", rows.Select(r => r.Key!.Key)));
        command.Parameters.Add(Text("hashes", rows.Select(r => r.Read.Sha256)));
        command.Parameters.Add(Text("partitions", rows.Select(r => r.Key!.Partition)));
        command.Parameters.Add(Text("accounts", rows.Select(r => r.Key!.AccountId)));
        command.Parameters.Add(Text("regions", rows.Select(r => r.Key!.Region)));
        command.Parameters.Add(new NpgsqlParameter("times", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(r => r.Key!.Time?.UtcDateTime).ToArray() });
        command.Parameters.Add(Text("sources", rows.Select(r => r.Read.SourceObject)));
        command.Parameters.Add(new NpgsqlParameter("read_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(r => r.Read.ReadAt.UtcDateTime).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task InsertDigestAsync(DigestRead digest, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var located = CloudTrailKeys.DigestFile(digest.Key);
        var claimed = digest.DigestS3Object is { } named ? CloudTrailKeys.DigestFile(named) : null;
        var key = located ?? claimed;
        var previous = digest.PreviousDigestS3Object is { } p ? CloudTrailKeys.DigestFile(p) : null;
        var trail = key?.Trail ?? $"unknown:{digest.Key}";
        await using (var command = new NpgsqlCommand($"""
            INSERT INTO {schema}.{IntegrityTables.Digests}
              (digest_key, sha256, trail, trail_arn, digest_partition, account_id, region, trail_name, home_region, key_time, start_time, end_time,
               end_time_text, backfill, problem, location_ok, digest_s3_bucket, digest_s3_object, previous_key, previous_key_time, previous_hash,
               previous_signature, signature, fingerprint, signature_algorithm, log_files, source_object, read_at, link)
            VALUES (@key, @sha, @trail, @arn, @partition, @account, @region, @trail_name, @home, @key_time, @start, @end,
               @end_text, @backfill, @problem, @location_ok, @bucket, @object, @previous_key, @previous_key_time, @previous_hash,
               @previous_signature, @signature, @fingerprint, @algorithm, @log_files, @source, @read_at, @link)
            ON CONFLICT (digest_key, sha256) DO NOTHING
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("key", digest.Key);
            command.Parameters.AddWithValue("sha", digest.Sha256);
            command.Parameters.AddWithValue("trail", trail);
            command.Parameters.AddWithValue("arn", DigestFileKey.TrailArnOf(key?.AccountId ?? digest.AwsAccountId, key?.HomeRegion, key?.TrailName));
            command.Parameters.Add(Nullable("partition", key?.Partition));
            command.Parameters.Add(Nullable("account", key?.AccountId ?? digest.AwsAccountId));
            command.Parameters.Add(Nullable("region", key?.Region));
            command.Parameters.Add(Nullable("trail_name", key?.TrailName));
            command.Parameters.Add(Nullable("home", key?.HomeRegion));
            command.Parameters.Add(Time("key_time", key?.Time));
            command.Parameters.Add(Time("start", Parse(digest.DigestStartTime)));
            command.Parameters.Add(Time("end", Parse(digest.DigestEndTime)));
            command.Parameters.Add(Nullable("end_text", digest.DigestEndTime));
            command.Parameters.AddWithValue("backfill", key?.Backfill ?? false);
            command.Parameters.Add(Nullable("problem", digest.Problem));
            // Compared only when it was read under a digest key: a digest handed over as any file name has no location to check.
            command.Parameters.Add(new NpgsqlParameter("location_ok", NpgsqlDbType.Boolean)
            {
                Value = digest.KeyFromLocation && digest.Problem is null ? claimed?.Key == located?.Key : DBNull.Value,
            });
            command.Parameters.Add(Nullable("bucket", digest.DigestS3Bucket));
            command.Parameters.Add(Nullable("object", digest.DigestS3Object));
            command.Parameters.Add(Nullable("previous_key", previous?.Key ?? digest.PreviousDigestS3Object));
            command.Parameters.Add(Time("previous_key_time", previous?.Time));
            command.Parameters.Add(Nullable("previous_hash", digest.PreviousDigestHashValue?.ToLowerInvariant()));
            command.Parameters.Add(Nullable("previous_signature", digest.PreviousDigestSignature));
            command.Parameters.Add(Nullable("signature", digest.Signature));
            command.Parameters.Add(Nullable("fingerprint", digest.DigestPublicKeyFingerprint));
            command.Parameters.Add(Nullable("algorithm", digest.DigestSignatureAlgorithm));
            command.Parameters.AddWithValue("log_files", digest.LogFiles.Count);
            command.Parameters.AddWithValue("source", digest.SourceObject);
            command.Parameters.AddWithValue("read_at", digest.ReadAt.UtcDateTime);
            // Backfill digests sit outside the hourly chain (CloudTrail User Guide): only their files are checked.
            command.Parameters.Add(Nullable("link", key?.Backfill == true || digest.Problem is not null ? "none" : null));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (digest.LogFiles.Count == 0) return;

        var listed = digest.LogFiles
            .Select(f => (Entry: f, Key: CloudTrailKeys.LogFile(f.S3Object)))
            .GroupBy(f => f.Key?.Key ?? f.Entry.S3Object, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO {schema}.{IntegrityTables.Listings} (digest_key, digest_sha256, log_key, expected_sha256, log_partition, file_time, trail, read_at)
            SELECT @digest, @digest_sha, * , @trail, @read_at FROM unnest(@keys, @hashes, @partitions, @times)
            ON CONFLICT (digest_key, digest_sha256, log_key) DO NOTHING
            """, connection, transaction);
        insert.Parameters.AddWithValue("digest", digest.Key);
        insert.Parameters.AddWithValue("digest_sha", digest.Sha256);
        insert.Parameters.AddWithValue("trail", trail);
        insert.Parameters.AddWithValue("read_at", digest.ReadAt.UtcDateTime);
        insert.Parameters.Add(Text("keys", listed.Select(f => f.Key?.Key ?? f.Entry.S3Object)));
        insert.Parameters.Add(Text("hashes", listed.Select(f => f.Entry.HashValue.ToLowerInvariant())));
        insert.Parameters.Add(Text("partitions", listed.Select(f => f.Key?.Partition)));
        insert.Parameters.Add(new NpgsqlParameter("times", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = listed.Select(f => f.Key?.Time?.UtcDateTime).ToArray() });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>CloudTrail writes ISO 8601 UTC ("2015-08-17T15:01:31Z"); anything else reads as unknown.</summary>
    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;

    private static NpgsqlParameter Text(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private static NpgsqlParameter Nullable(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Time(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = (object?)value?.UtcDateTime ?? DBNull.Value };
}
