using System.Text;
using Npgsql;

namespace ActivityWatch.Monitoring.Integrity;

/// <summary>
/// Checks digest signatures when CloudTrail's public keys were supplied. CloudTrail signs, with
/// SHA256withRSA, the string "digestEndTime\ndigestS3Bucket/digestS3Object\n&lt;hex SHA-256 of the
/// uncompressed digest&gt;\n&lt;previousDigestSignature, or null&gt;" (User Guide, "Custom implementations
/// of CloudTrail log file integrity validation"; the AWS CLI's validate-logs builds the same string).
/// The signature of a digest is in its S3 metadata (x-amz-meta-signature), and the next digest repeats
/// it as previousDigestSignature: so digests read from disk are checked once their successor is read,
/// and a metadata signature the successor contradicts is a broken chain.
/// </summary>
internal sealed class DigestSignatures(string schema)
{
    private const int Page = 1_000;

    public async Task<List<IntegrityFinding>> CheckAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CloudTrailPublicKeys keys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var digests = $"{schema}.{IntegrityTables.Digests}";
        var findings = new List<IntegrityFinding>();
        while (true)
        {
            var candidates = await CandidatesAsync(connection, transaction, digests, cancellationToken);
            foreach (var digest in candidates)
            {
                var (state, problem) = Judge(digest, keys);
                await using (var update = new NpgsqlCommand($"UPDATE {digests} SET signature_state = @state WHERE digest_key = @key AND sha256 = @sha", connection, transaction))
                {
                    update.Parameters.AddWithValue("state", state);
                    update.Parameters.AddWithValue("key", digest.Key);
                    update.Parameters.AddWithValue("sha", digest.Sha256);
                    await update.ExecuteNonQueryAsync(cancellationToken);
                }
                if (problem is null) continue;
                var finding = new IntegrityFinding($"{IntegrityFindingKinds.SignatureInvalid}|{digest.Key}|{digest.Sha256}", IntegrityFindingKinds.SignatureInvalid,
                    digest.Trail, digest.TrailArn, digest.AccountId, digest.Key,
                    $"digest {digest.Key} (read from {digest.SourceObject}): {problem}: CloudTrail did not write it", digest.KeyTime);
                if (await InsertAsync(connection, transaction, finding, now, cancellationToken)) findings.Add(finding);
            }
            if (candidates.Count < Page) return findings;
        }
    }

    private static (string State, string? Problem) Judge(Candidate digest, CloudTrailPublicKeys keys)
    {
        var signature = (digest.Own ?? digest.FromSuccessor)!;
        if (digest.Own is not null && digest.FromSuccessor is not null && !string.Equals(digest.Own, digest.FromSuccessor, StringComparison.OrdinalIgnoreCase))
            return ("invalid", $"its signature ({Short(digest.Own)}) is not the one the next digest records ({Short(digest.FromSuccessor)})");
        if (keys.Find(digest.Fingerprint, digest.EndTime) is not { } der) return ("no-key", null);
        if (!TryHex(signature, out var bytes)) return ("invalid", "its signature is not hexadecimal");
        try
        {
            return CloudTrailPublicKeys.Verify(der, Encoding.UTF8.GetBytes(StringToSign(digest)), bytes)
                ? ("valid", null)
                : ("invalid", $"its signature does not verify with CloudTrail's public key {digest.Fingerprint}");
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The supplied key itself is unusable: a configuration problem, not a forged digest.
            return ("no-key", null);
        }
    }

    private static async Task<List<Candidate>> CandidatesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string digests, CancellationToken cancellationToken)
    {
        var successor = $"(SELECT n.previous_signature FROM {digests} n WHERE n.previous_key = d.digest_key AND n.previous_hash = d.sha256 AND n.previous_signature IS NOT NULL LIMIT 1)";
        var candidates = new List<Candidate>();
        await using var select = new NpgsqlCommand($"""
            SELECT d.digest_key, d.sha256, d.trail, d.trail_arn, d.account_id, d.end_time_text, d.end_time, d.digest_s3_bucket, d.digest_s3_object,
                   d.previous_signature, d.fingerprint, d.key_time, d.signature, d.source_object, {successor}
            FROM {digests} d
            WHERE d.signature_state IS NULL AND d.problem IS NULL AND (d.signature IS NOT NULL OR {successor} IS NOT NULL)
            LIMIT {Page}
            """, connection, transaction);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            candidates.Add(new Candidate(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(4), Text(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6), Text(7), Text(8), Text(9), Text(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11), Text(12), reader.GetString(13), Text(14)));
        }
        return candidates;
    }

    private static bool TryHex(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 2 != 0 || !text.All(Uri.IsHexDigit)) return false;
        bytes = Convert.FromHexString(text);
        return true;
    }

    /// <summary>The AWS CLI writes "null" for a starting digest's missing previous signature, to match CloudTrail's Java implementation.</summary>
    public static string StringToSign(string? endTime, string? bucket, string? key, string sha256Hex, string? previousSignature) =>
        $"{endTime}\n{bucket}/{key}\n{sha256Hex}\n{previousSignature ?? "null"}";

    private static string StringToSign(Candidate digest) =>
        StringToSign(digest.EndTimeText, digest.Bucket, digest.Object, digest.Sha256, digest.PreviousSignature);

    private static string Short(string signature) => signature.Length > 16 ? signature[..16] + "..." : signature;

    private async Task<bool> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IntegrityFinding finding, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO {schema}.{IntegrityTables.Findings} (id, kind, trail, trail_arn, account_id, subject, detail, occurred_at, found_at)
            VALUES (@id, @kind, @trail, @arn, @account, @subject, @detail, @occurred, @now)
            ON CONFLICT (id) DO NOTHING
            """, connection, transaction);
        insert.Parameters.AddWithValue("id", finding.Id);
        insert.Parameters.AddWithValue("kind", finding.Kind);
        insert.Parameters.AddWithValue("trail", finding.Trail);
        insert.Parameters.AddWithValue("arn", finding.TrailArn);
        insert.Parameters.Add(new NpgsqlParameter("account", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)finding.AccountId ?? DBNull.Value });
        insert.Parameters.AddWithValue("subject", finding.Subject);
        insert.Parameters.AddWithValue("detail", finding.Detail);
        insert.Parameters.Add(new NpgsqlParameter("occurred", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)finding.OccurredAt?.UtcDateTime ?? DBNull.Value });
        insert.Parameters.AddWithValue("now", now.UtcDateTime);
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private sealed record Candidate(
        string Key, string Sha256, string Trail, string TrailArn, string? AccountId, string? EndTimeText, DateTimeOffset? EndTime,
        string? Bucket, string? Object, string? PreviousSignature, string? Fingerprint, DateTimeOffset? KeyTime, string? Own,
        string SourceObject, string? FromSuccessor);
}
