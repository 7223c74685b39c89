namespace ActivityWatch.Monitoring.Store;

/// <summary>Configuration section "ActivityWatch:Postgres" (env: ActivityWatch__Postgres__*).</summary>
public sealed class PostgresOptions
{
    public const string Section = "ActivityWatch:Postgres";

    public string ConnectionString { get; set; } = "";

    /// <summary>Every table of one dataset lives in this schema, so datasets can sit side by side.</summary>
    public string Schema { get; set; } = "activitywatch";
}
