using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Monitoring.Checkpoints;
using ActivityWatch.Monitoring.Quarantine;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Timeline;
using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using Weasel.Core;

namespace ActivityWatch.Monitoring.Store;

/// <summary>The one place that says what ActivityWatch keeps in PostgreSQL.</summary>
public static class StoreConfiguration
{
    public static void Configure(StoreOptions options, PostgresOptions postgres, NpgsqlDataSource dataSource)
    {
        options.Connection(dataSource);
        options.DatabaseSchemaName = postgres.Schema;
        options.Events.DatabaseSchemaName = postgres.Schema;
        // Documents and JSON events quote record content: PostgresSafeStrings keeps jsonb from refusing it.
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, json => json.Converters.Add(new PostgresSafeStrings()));
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;

        // A stream per log object (file, S3 object, SQS batch) keyed by its name: see README, "Streams".
        options.Events.StreamIdentity = StreamIdentity.AsString;
        // Appends without per-event round trips; the database stamps the time it stored each event,
        // while the event itself carries the time AWS says the activity happened.
        options.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        // The timeline joins raw records by event id; the unique index is also a second guard
        // against storing one log record twice.
        options.Events.EnableUniqueIndexOnEventId = true;
        options.Events.AddEventType<ActivityRecorded>();
        options.Events.UseBinarySerializer<ActivityRecorded>(new EventBodies());
        // Sequence order = commit order for every append (see EventAppendOrder). Marten's commit
        // retries would replay an append on a fresh transaction without that lock: callers retry
        // whole units of work instead (the ingest's batches, the daemon's pages).
        options.Listeners.Add(new EventAppendOrder(postgres.Schema));
        options.ConfigureWritePolly(_ => { });

        options.Schema.For<SourceCheckpoint>().Identity(c => c.Id);
        options.Schema.For<QuarantinedRecord>().Identity(q => q.Id)
            .Index(q => q.SourceObject);

        options.Storage.ExtendedSchemaObjects.Add(TimelineTable.Define(postgres.Schema));

        // Analysts: API keys (hashed) and the audit trail of what they did.
        options.Schema.For<ApiKey>().Index(k => k.Hash);
        options.Events.AddEventType<AnalystActed>();

        // Detections and alerts: alert events, alert views, suppressions, window counters.
        AlertDocuments.Register(options);

        // Alerts must reach responders within a second of the record's append. LISTEN/NOTIFY wakes
        // the daemon's high-water agent on every append instead of waiting out its polling interval
        // (1 s when idle); the shorter polls bound the delay whenever a notification is missed.
        options.Events.UseListenNotifyForEventAppends = true;
        options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
        options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(250);
        // Every shard reads every record; the default cap of 4 concurrent page loads per database
        // queued the nine shards behind each other under a 2,000 records/s load.
        options.Projections.MaxConcurrentEventLoadsPerDatabase = 0;

        MonitoringProjections.Register(options);
    }
}
