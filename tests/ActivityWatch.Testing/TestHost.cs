using System.Text;
using ActivityWatch.Hosting;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Pipeline;
using ActivityWatch.Monitoring.Store;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ActivityWatch.Testing;

/// <summary>
/// A real ActivityWatch host on the real PostgreSQL, in a schema of its own that is dropped
/// afterwards. The daemon runs Solo unless a test asks for another role.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private TestHost(IHost host, string schema, Dictionary<string, string?> settings)
    {
        _host = host;
        Schema = schema;
        Settings = settings;
    }

    public string Schema { get; }

    /// <summary>The configuration this host runs with: hand it to a CLI context to act on the same dataset.</summary>
    public Dictionary<string, string?> Settings { get; }

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public IDocumentStore Store => Get<IDocumentStore>();

    public static async Task<TestHost> StartAsync(
        string name,
        DaemonRole daemon = DaemonRole.Solo,
        IDictionary<string, string?>? settings = null,
        Action<HostApplicationBuilder>? configure = null,
        string? schema = null)
    {
        schema ??= TestDatabase.NewSchema(name);
        var all = new Dictionary<string, string?>
        {
            ["ActivityWatch:Postgres:ConnectionString"] = TestDatabase.ConnectionString,
            ["ActivityWatch:Postgres:Schema"] = schema,
            ["ActivityWatch:Projections:Daemon"] = daemon.ToString(),
        };
        if (settings is not null) foreach (var (key, value) in settings) all[key] = value;
        var builder = ActivityWatchHosting.CreateBuilder(daemon, all);
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        return new TestHost(host, schema, all);
    }

    /// <summary>Runs CloudTrail records (JSON objects as text) through the real parser and write path.</summary>
    public Task<IngestSummary> IngestCloudTrailAsync(params string[] records) =>
        IngestAsync($"memory://test/{Guid.NewGuid():N}.json", "{\"Records\":[" + string.Join(",", records) + "]}");

    public async Task<IngestSummary> IngestAsync(string name, string content, bool waitForProjections = true)
    {
        var summary = await Get<IngestionPipeline>().IngestAsync(
            [new InMemoryLogObject(name, Encoding.UTF8.GetBytes(content))], reread: false, progress: null, CancellationToken.None);
        if (waitForProjections) await WaitForProjectionsAsync();
        return summary;
    }

    public async Task<IngestSummary> IngestFilesAsync(params string[] paths)
    {
        var summary = await Get<IngestionPipeline>().IngestAsync(LocalFileFinder.Find(paths), reread: false, progress: null, CancellationToken.None);
        await WaitForProjectionsAsync();
        return summary;
    }

    /// <summary>Runs SQL against this host's database, <c>{schema}</c> standing for its schema; returns the first value of the first row, if any.</summary>
    public async Task<object?> SqlAsync(string sql)
    {
        await using var command = Get<NpgsqlDataSource>().CreateCommand(sql.Replace("{schema}", Schema));
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    /// <summary>The daemon's catch-up time varies a lot on a busy machine: wait generously.</summary>
    public Task WaitForProjectionsAsync() => Get<CatchUp>().WaitAsync(TimeSpan.FromSeconds(120), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        // ACTIVITYWATCH_KEEP_TEST_SCHEMAS=1 leaves every schema in place to look into a failure.
        if (Environment.GetEnvironmentVariable("ACTIVITYWATCH_KEEP_TEST_SCHEMAS") != "1") await TestDatabase.DropSchemaAsync(Schema);
    }
}
