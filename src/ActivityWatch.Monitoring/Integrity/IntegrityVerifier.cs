using ActivityWatch.Monitoring.Alerts.Raising;
using ActivityWatch.Monitoring.Store;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.Integrity;

/// <summary>
/// One verification round: takes the log files and digests read since the last round out of the
/// inbox, runs the checks on everything not judged yet, checks signatures when CloudTrail's public
/// keys were supplied, and raises an alert per new finding, all in one transaction. A round holds a
/// transaction-scoped advisory lock: several processes may call it, one runs at a time, and a crash
/// anywhere leaves nothing half done. `ingest` calls it once everything it was given is read
/// (<c>settled</c>: what is absent is absent); `watch` after each poll and each batch of messages,
/// waiting <see cref="IntegrityOptions.Grace"/> before calling anything missing.
/// </summary>
public sealed class IntegrityVerifier(
    IDocumentStore store,
    NpgsqlDataSource dataSource,
    AlertRaiser raiser,
    IOptions<IntegrityOptions> options,
    IOptions<PostgresOptions> postgres,
    TimeProvider time,
    ILogger<IntegrityVerifier> logger)
{
    private CloudTrailPublicKeys? _keys;

    /// <summary>Null when verification is off, or another process holds the round and <paramref name="settled"/> is false.</summary>
    public async Task<IntegrityRound?> VerifyAsync(bool settled, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return null;
        var schema = postgres.Value.Schema;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand(
            settled ? "SELECT true FROM (SELECT pg_advisory_xact_lock(hashtext($1))) l" : "SELECT pg_try_advisory_xact_lock(hashtext($1))", connection, transaction))
        {
            // A batch ingest waits its turn; a watch round leaves the work to the process holding it.
            take.Parameters.AddWithValue($"activitywatch.integrity:{schema}");
            if (await take.ExecuteScalarAsync(cancellationToken) is not true) return null;
        }

        var now = time.GetUtcNow();
        await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
        var (logFiles, digests) = await new IntegrityInbox(schema).MoveAsync(session, connection, transaction, cancellationToken);
        var judgments = new IntegrityJudgments(schema);
        var findings = await judgments.RunAsync(connection, transaction, settled, now, options.Value, cancellationToken);
        if (PublicKeys() is { } keys)
            findings.AddRange(await new DigestSignatures(schema).CheckAsync(connection, transaction, keys, now, cancellationToken));
        await judgments.ConcludeAsync(connection, transaction, cancellationToken);
        var (raised, updated) = await IntegrityAlerts.RaiseAsync(session, raiser, findings, now, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (findings.Count > 0)
            logger.LogWarning("CloudTrail log file integrity: {Findings} finding(s), {Raised} alert(s) raised, {Updated} updated", findings.Count, raised, updated);
        return new IntegrityRound(logFiles, digests, findings, raised, updated);
    }

    /// <summary>
    /// The supplied public keys, loaded once. A file that is missing or not the list-public-keys JSON
    /// is reported on every round and leaves signatures unchecked; hashes and the chain are still verified.
    /// </summary>
    private CloudTrailPublicKeys? PublicKeys()
    {
        if (_keys is not null || string.IsNullOrWhiteSpace(options.Value.PublicKeysPath)) return _keys;
        try
        {
            return _keys = CloudTrailPublicKeys.Load(options.Value.PublicKeysPath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException or FormatException)
        {
            logger.LogError(error, "ActivityWatch:Integrity:PublicKeysPath {Path} could not be read: digest signatures are not checked", options.Value.PublicKeysPath);
            return null;
        }
    }
}
