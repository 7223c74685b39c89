using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ActivityWatch.Contracts.Alerts;
using ActivityWatch.Hosting;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Pipeline;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Simulation;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Benchmarks;

/// <summary>
/// Append-to-bus latency of alerts: under a steady background of simulated CloudTrail records,
/// injects root console sign-ins (one new alert each) through the ingestion pipeline and times
/// each from the commit of its record to the consumption of its AlertPublished on the bus
/// (RabbitMQ when ActivityWatch__Bus__RabbitMq__Host is set); alternating with those, AlertRaised
/// events appended directly time the delivery leg alone. Prints one JSON line.
/// usage: alert-latency [SECONDS=60] [BACKGROUND_RECORDS_PER_SECOND=2000] [TRIGGERS_PER_SECOND=4]
/// </summary>
public static class AlertLatency
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0]) : 60;
        var rate = args.Length > 1 ? int.Parse(args[1]) : 2000;
        var triggersPerSecond = args.Length > 2 ? double.Parse(args[2]) : 4;

        // Generated before the clock starts, so the generator does not compete with the run.
        Console.Error.WriteLine($"generating {seconds * rate:N0} background records");
        var background = Background(seconds * rate);

        var consumed = new Consumed();
        var builder = ActivityWatchHosting.CreateBuilder(DaemonRole.Solo);
        builder.Services.AddConsumeObserver(_ => consumed);
        using var host = builder.Build();
        await host.StartAsync();
        var pipeline = host.Services.GetRequiredService<IngestionPipeline>();

        // A first alert through the bus, so queues, bindings and connections exist before timing.
        await InjectAlertAsync(host.Services, consumed);
        await consumed.WaitAsync(1, TimeSpan.FromSeconds(60));
        consumed.Reset();

        // Two kinds of trigger, alternating: a root console sign-in record (end to end: ingest,
        // detection, alert, delivery), and an AlertRaised appended directly (the delivery leg alone).
        var records = new ConcurrentDictionary<string, DateTimeOffset>();
        var alerts = new ConcurrentDictionary<string, DateTimeOffset>();
        var clock = Stopwatch.StartNew();
        var feeding = FeedAsync(pipeline, background, rate, seconds, clock);
        var injecting = Task.Run(async () =>
        {
            var interval = TimeSpan.FromSeconds(1 / triggersPerSecond);
            var n = 0;
            for (var next = interval; next < TimeSpan.FromSeconds(seconds); next += interval, n++)
            {
                var wait = next - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                var (eventId, at) = n % 2 == 0 ? await InjectRecordAsync(pipeline, consumed) : await InjectAlertAsync(host.Services, consumed);
                (n % 2 == 0 ? records : alerts)[eventId] = at;
            }
        });
        var fed = await feeding;
        await injecting;
        var feedSeconds = clock.Elapsed.TotalSeconds;
        await consumed.WaitAsync(records.Count + alerts.Count, TimeSpan.FromSeconds(60));
        await host.StopAsync();
        await DropSchemaAsync(host.Services);

        var endToEnd = Latencies(records, consumed);
        var deliveryLeg = Latencies(alerts, consumed);
        var serverSide = consumed.ServerLatencies(records.Keys).Order().ToArray();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            seconds,
            backgroundTarget = rate,
            backgroundAchieved = Math.Round(fed / feedSeconds),
            triggers = records.Count,
            delivered = endToEnd.Length,
            missing = records.Count - endToEnd.Length,
            p50Ms = Percentile(endToEnd, 0.50),
            p99Ms = Percentile(endToEnd, 0.99),
            maxMs = Percentile(endToEnd, 1.0),
            // From the record event's server timestamp (the alert's RecordAppendedAt) instead of the client's commit.
            serverP50Ms = Percentile(serverSide, 0.50),
            serverP99Ms = Percentile(serverSide, 0.99),
            alertTriggers = alerts.Count,
            alertsDelivered = deliveryLeg.Length,
            deliveryP50Ms = Percentile(deliveryLeg, 0.50),
            deliveryP99Ms = Percentile(deliveryLeg, 0.99),
            deliveryMaxMs = Percentile(deliveryLeg, 1.0),
        }));
        return endToEnd.Length == records.Count && deliveryLeg.Length == alerts.Count ? 0 : 1;
    }

    private static double[] Latencies(ConcurrentDictionary<string, DateTimeOffset> committed, Consumed consumed) =>
        committed.Select(c => consumed.FirstSeen(c.Key) is { } at ? (at - c.Value).TotalMilliseconds : (double?)null)
            .Where(l => l.HasValue).Select(l => l!.Value).Order().ToArray();

    /// <summary>The run's schema (ActivityWatch__Postgres__Schema, one per run) holds nothing worth keeping.</summary>
    private static async Task DropSchemaAsync(IServiceProvider services)
    {
        var schema = services.GetRequiredService<IOptions<PostgresOptions>>().Value.Schema;
        if (!schema.StartsWith("bench_", StringComparison.Ordinal)) return;
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
        await command.ExecuteNonQueryAsync();
    }

    private static double? Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? null : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)]);

    /// <summary>Ten objects a second, each a CloudTrail file of rate/10 records, paced to the wall clock.</summary>
    private static async Task<long> FeedAsync(IngestionPipeline pipeline, List<string> records, int rate, int seconds, Stopwatch clock)
    {
        var perObject = Math.Max(1, rate / 10);
        long fed = 0;
        for (var batch = 0; batch * perObject < records.Count && clock.Elapsed < TimeSpan.FromSeconds(seconds); batch++)
        {
            var due = TimeSpan.FromSeconds(batch / 10.0) - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
            var slice = records.Skip(batch * perObject).Take(perObject).ToList();
            await IngestAsync(pipeline, $"memory://bench/background-{batch}.json", slice);
            fed += slice.Count;
        }
        return fed;
    }

    /// <summary>What the detections write for a root sign-in, appended directly: times the delivery leg alone.</summary>
    private static async Task<(string EventId, DateTimeOffset Committed)> InjectAlertAsync(IServiceProvider services, Consumed consumed)
    {
        var eventId = Guid.NewGuid().ToString();
        var alertId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        consumed.Expect(eventId);
        await using var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Events.StartStream(alertId.ToString(), new AlertRaised(
            alertId, "root.console-signin", "Root signed in to the console", Severity.High, ["5.3"], ["T1078.004"],
            "arn:aws:iam::111122223333:root", "111122223333", now, now, [eventId], "benchmark", now, RecordAppendedAt: now));
        await session.SaveChangesAsync();
        return (eventId, DateTimeOffset.UtcNow);
    }

    private static async Task<(string EventId, DateTimeOffset Committed)> InjectRecordAsync(IngestionPipeline pipeline, Consumed consumed)
    {
        var eventId = Guid.NewGuid().ToString();
        // An account of its own per sign-in: each one raises a new alert instead of updating an open one.
        var account = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString();
        consumed.Expect(eventId);
        await IngestAsync(pipeline, $"memory://bench/trigger-{eventId}.json", [RootConsoleSignIn(account, eventId)]);
        var at = DateTimeOffset.UtcNow;
        return (eventId, at);
    }

    private static Task<IngestSummary> IngestAsync(IngestionPipeline pipeline, string name, IReadOnlyList<string> records) =>
        pipeline.IngestAsync(
            [new InMemoryLogObject(name, Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", records) + "]}"))],
            reread: false, progress: null, CancellationToken.None);

    private static List<string> Background(int count)
    {
        var options = ActivitySimulator.ScaledTo(
            new SimulationOptions { Days = 1, Principals = 200, Seed = 11, IncludeIncidents = false, IncludeS3AccessLogs = false }, count);
        return new ActivitySimulator(options).Generate()
            .Where(r => r.Kind == SimulatedLogKind.CloudTrail)
            .Take(count)
            .Select(r => r.Text)
            .ToList();
    }

    private static string RootConsoleSignIn(string account, string eventId) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["eventVersion"] = "1.09",
        ["userIdentity"] = new Dictionary<string, object?>
        {
            ["type"] = "Root", ["principalId"] = account, ["arn"] = $"arn:aws:iam::{account}:root", ["accountId"] = account, ["accessKeyId"] = "",
        },
        ["eventTime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        ["eventSource"] = "signin.amazonaws.com",
        ["eventName"] = "ConsoleLogin",
        ["awsRegion"] = "us-east-1",
        ["sourceIPAddress"] = "203.0.113.7",
        ["userAgent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        ["requestParameters"] = null,
        ["responseElements"] = new Dictionary<string, object?> { ["ConsoleLogin"] = "Success" },
        ["additionalEventData"] = new Dictionary<string, object?>
        {
            ["LoginTo"] = "https://console.aws.amazon.com/console/home", ["MobileVersion"] = "No", ["MFAUsed"] = "No",
        },
        ["eventID"] = eventId,
        ["readOnly"] = false,
        ["eventType"] = "AwsConsoleSignIn",
        ["managementEvent"] = true,
        ["recipientAccountId"] = account,
        ["eventCategory"] = "Management",
    });

    /// <summary>When the first AlertPublished naming each injected record was consumed.</summary>
    private sealed class Consumed : IConsumeObserver
    {
        private readonly ConcurrentDictionary<string, DateTimeOffset> _expected = new();
        private readonly ConcurrentDictionary<string, DateTimeOffset> _first = new();
        private readonly ConcurrentDictionary<string, double> _serverLatencies = new();

        public void Expect(string eventId) => _expected.TryAdd(eventId, DateTimeOffset.MinValue);

        public void Reset()
        {
            _expected.Clear();
            _first.Clear();
            _serverLatencies.Clear();
        }

        public DateTimeOffset? FirstSeen(string eventId) => _first.TryGetValue(eventId, out var at) ? at : null;

        public IEnumerable<double> ServerLatencies(IEnumerable<string> eventIds) =>
            eventIds.Select(id => _serverLatencies.TryGetValue(id, out var ms) ? ms : (double?)null).Where(ms => ms.HasValue).Select(ms => ms!.Value);

        public async Task WaitAsync(int count, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (_first.Count < count && DateTime.UtcNow < deadline) await Task.Delay(50);
        }

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            var now = DateTimeOffset.UtcNow;
            // The log consumer's queue only: every alert is consumed there exactly once per cluster.
            if (context.Message is not AlertPublished alert || !context.ReceiveContext.InputAddress.AbsolutePath.EndsWith("log-alert")) return Task.CompletedTask;
            foreach (var id in alert.EventIds)
            {
                if (!_expected.ContainsKey(id) || !_first.TryAdd(id, now)) continue;
                if (alert.TriggerAppendedAt is { } appended) _serverLatencies[id] = (now - appended).TotalMilliseconds;
            }
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
