using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Recording;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Monitoring.Tests.Permissions;
using ActivityWatch.Testing;
using Marten;
using Marten.Services;
using Npgsql;

namespace ActivityWatch.Monitoring.Tests.Store;

/// <summary>
/// The daemon reads events in sequence order. Two transactions that append at once must never
/// leave it past an event committed late: every view is a fold of every stored event.
/// </summary>
public sealed class EventOrderTests : IAsyncLifetime
{
    private const string Slow = "arn:aws:iam::123456789012:role/slow-writer";
    private const string Fast = "arn:aws:iam::123456789012:role/fast-writer";
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await PermissionsHost.StartAsync(nameof(EventOrderTests));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AppendCommittedLate_WhileALaterAppendCommits_IsStillProjected()
    {
        // Given a transaction that appends events, then stays open well past the daemon's stale-gap threshold
        await using var connection = await _host.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var session = _host.Store.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            session.Events.Append($"memory://order/{Guid.NewGuid():N}", Calls(Slow, 25).Cast<object>().ToArray());
            await session.SaveChangesAsync();
        }

        // When another writer appends and commits meanwhile
        var fast = _host.RecordAsync(Calls(Fast, 10));
        await Task.Delay(TimeSpan.FromSeconds(8));
        await transaction.CommitAsync();
        await fast;
        await _host.WaitForProjectionsAsync();

        // Then both writers' events are in the views
        var queries = _host.Get<PermissionUseQueries>();
        Assert.Equal(25, Assert.Single(await queries.ForPrincipalAsync(Slow, null, null, CancellationToken.None)).Calls);
        Assert.Equal(10, Assert.Single(await queries.ForPrincipalAsync(Fast, null, null, CancellationToken.None)).Calls);
    }

    [Fact]
    public async Task DaemonStartingOnStoredEvents_WhileAnAppendIsInFlight_ProjectsTheAppendOnceItCommits()
    {
        // Given events stored before any daemon ran (a new store, or a node that takes over before
        // the first page is done), and a writer whose append is in flight when the daemon starts
        await using var writer = await TestHost.StartAsync(nameof(DaemonStartingOnStoredEvents_WhileAnAppendIsInFlight_ProjectsTheAppendOnceItCommits), DaemonRole.Disabled);
        var source = $"memory://order/{Guid.NewGuid():N}";
        var stored = Calls(Fast, 10).Select((r, i) => r with { SourceObject = source, Position = i }).ToList();
        await writer.Get<ActivityRecorder>().RecordAsync(new SourceBatch(source, null, stored, [], stored.Count, true), CancellationToken.None);
        await using var connection = await writer.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var session = writer.Store.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            session.Events.Append($"memory://order/{Guid.NewGuid():N}", Calls(Slow, 25).Cast<object>().ToArray());
            await session.SaveChangesAsync();
        }

        // When the daemon starts, and the append commits a few seconds later
        await using var daemon = await TestHost.StartAsync("order-daemon", DaemonRole.HotCold, schema: writer.Schema);
        await Task.Delay(TimeSpan.FromSeconds(6));
        await transaction.CommitAsync();
        await daemon.WaitForProjectionsAsync();

        // Then the views hold both (JasperFx's single-pass rebuild of a composite with no progress
        // read up to the sequence's last value and went on past the in-flight events for good)
        var queries = daemon.Get<PermissionUseQueries>();
        Assert.Equal(10, Assert.Single(await queries.ForPrincipalAsync(Fast, null, null, CancellationToken.None)).Calls);
        Assert.Equal(25, Assert.Single(await queries.ForPrincipalAsync(Slow, null, null, CancellationToken.None)).Calls);
        Assert.True((await daemon.Get<ViewVerifier>().VerifyAsync(CancellationToken.None)).Clean);
    }

    private static ActivityRecorded[] Calls(string principal, int count) =>
        Enumerable.Range(0, count).Select(i => Activity.Call(principal, "kms.amazonaws.com", "Decrypt", Activity.Day.AddMinutes(i))).ToArray();
}
