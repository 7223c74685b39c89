using Npgsql;

namespace ActivityWatch.Testing;

/// <summary>
/// The PostgreSQL server tests use: ActivityWatch__Postgres__ConnectionString when set
/// (scripts/test.sh sets it from scripts/postgres.sh), else the private cluster's default.
/// </summary>
public static class TestDatabase
{
    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("ActivityWatch__Postgres__ConnectionString")
        ?? "Host=127.0.0.1;Port=55432;Database=activitywatch;Username=activitywatch;Password=activitywatch;Maximum Pool Size=50";

    /// <summary>A schema name of its own for one test class (or test), so tests never see each other's data.</summary>
    public static string NewSchema(string prefix)
    {
        var clean = new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        if (clean.Length > 30) clean = clean[..30];
        return $"t_{clean}_{Guid.NewGuid():N}"[..Math.Min(55, 3 + clean.Length + 1 + 12)];
    }

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
