using ActivityWatch.Monitoring.Permissions.Reports;
using ActivityWatch.Monitoring.Store;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.Permissions.Hygiene;

/// <summary>Configuration section "ActivityWatch:Hygiene".</summary>
public sealed class HygieneOptions
{
    public const string Section = "ActivityWatch:Hygiene";

    /// <summary>How often long-running processes (`serve`, `watch`) check credential hygiene and raise its findings; zero turns it off.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>The last scheduled hygiene check, one document shared by every node.</summary>
public sealed class HygieneCheck
{
    public const string Scheduled = "scheduled";

    public string Id { get; set; } = Scheduled;
    public DateTimeOffset RanAt { get; set; }
    public int Findings { get; set; }
    public int Raised { get; set; }
    public int Updated { get; set; }
}

/// <summary>
/// Checks credential hygiene (keys not rotated, unused for 45 days, shared across networks, root
/// keys, ...) once an interval and raises the findings as alerts, so responders hear about them
/// without anyone running `permissions hygiene --raise-alerts`. Several nodes may run it: the last
/// run is a document in PostgreSQL and the check holds a transaction-scoped advisory lock, so it
/// runs once an interval across all of them; raising is idempotent besides (a finding updates its
/// open alert).
/// </summary>
public sealed class HygieneSchedule(
    IDocumentStore store,
    NpgsqlDataSource dataSource,
    PermissionReports reports,
    HygieneAlerts alerts,
    IOptions<HygieneOptions> options,
    IOptions<PostgresOptions> postgres,
    TimeProvider time,
    ILogger<HygieneSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        if (interval <= TimeSpan.Zero) return;
        // Look often enough to run soon after the interval has passed, whichever node ran it last.
        var poll = TimeSpan.FromTicks(Math.Clamp(interval.Ticks / 24, TimeSpan.TicksPerSecond, 5 * TimeSpan.TicksPerMinute));
        while (true)
        {
            try
            {
                await RunIfDueAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(error, "The scheduled hygiene check failed; it is tried again in {Poll}", poll);
            }
            try
            {
                await Task.Delay(poll, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Runs the check when no node has run it for an interval; null when it was not due or another node holds it.</summary>
    public async Task<HygieneCheck?> RunIfDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(hashtext($1))", connection, transaction))
        {
            take.Parameters.AddWithValue($"activitywatch.hygiene:{postgres.Value.Schema}");
            if (await take.ExecuteScalarAsync(cancellationToken) is not true) return null;
        }

        await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
        var last = await session.LoadAsync<HygieneCheck>(HygieneCheck.Scheduled, cancellationToken);
        var now = time.GetUtcNow();
        if (last is not null && now - last.RanAt < options.Value.Interval) return null;

        var findings = await reports.HygieneAsync(cancellationToken);
        var (raised, updated) = await alerts.RaiseAsync(findings, cancellationToken);
        var check = new HygieneCheck { RanAt = now, Findings = findings.Count, Raised = raised, Updated = updated };
        session.Store(check);
        await session.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Hygiene check: {Findings} findings, {Raised} alerts raised, {Updated} updated", check.Findings, raised, updated);
        return check;
    }
}
