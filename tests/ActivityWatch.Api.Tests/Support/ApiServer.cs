using System.Net.Http.Headers;
using System.Text;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Pipeline;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ActivityWatch.Api.Tests.Support;

/// <summary>
/// The API on a real Kestrel port over the real PostgreSQL, in a schema of its own (one per test
/// class), with one API key per role. Dropped with its schema afterwards.
/// </summary>
public class ApiServer : IAsyncLifetime
{
    private ApiFactory? _factory;

    public string Schema { get; } = TestDatabase.NewSchema("api");
    public Dictionary<string, string?> Settings { get; private set; } = [];
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _factory!.Services;
    public Dictionary<string, string> Keys { get; } = [];

    /// <summary>Each role's key as the audit trail names it: "key:{key id}".</summary>
    public Dictionary<string, string> Actors { get; } = [];

    /// <summary>Extra configuration a test class needs (set before the server starts).</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Service overrides a test class needs, applied when the host is built.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync()
    {
        Settings = new Dictionary<string, string?>
        {
            ["ActivityWatch:Postgres:ConnectionString"] = TestDatabase.ConnectionString,
            ["ActivityWatch:Postgres:Schema"] = Schema,
            ["ActivityWatch:Projections:Daemon"] = "Solo",
            ["ActivityWatch:Api:LivePollInterval"] = "00:00:00.200",
        };
        Configure(Settings);
        ApiTestEntryPoint.Settings.Value = Settings;
        _factory = new ApiFactory(ConfigureServices);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
        var keys = Services.GetRequiredService<ApiKeys>();
        foreach (var role in AnalystRoles.All)
        {
            var issued = await keys.CreateAsync($"test-{role}", role, "tests", CancellationToken.None);
            Keys[role] = issued.Secret;
            Actors[role] = $"key:{issued.Key.Id}";
        }
    }

    public HttpClient Client(string? role = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (role is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Keys[role]);
        return client;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>CloudTrail records (JSON text) through the real parser and write path, then waits for projections.</summary>
    public async Task IngestAsync(params string[] records)
    {
        var content = "{\"Records\":[" + string.Join(",", records) + "]}";
        await Get<IngestionPipeline>().IngestAsync(
            [new InMemoryLogObject($"memory://api-test/{Guid.NewGuid():N}.json", Encoding.UTF8.GetBytes(content))],
            reread: false, progress: null, CancellationToken.None);
    }

    /// <summary>Runs SQL against this server's database, <c>{schema}</c> standing for its schema; the first value of the first row, if any.</summary>
    public async Task<object?> SqlAsync(string sql, params object[] parameters)
    {
        await using var command = Get<NpgsqlDataSource>().CreateCommand(sql.Replace("{schema}", Schema));
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public Task WaitForProjectionsAsync() => Get<CatchUp>().WaitAsync(TimeSpan.FromSeconds(120), CancellationToken.None);

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        await TestDatabase.DropSchemaAsync(Schema);
    }
}
