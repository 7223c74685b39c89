using System.Net.Sockets;
using Npgsql;

namespace ActivityWatch.Hosting;

/// <summary>
/// "PostgreSQL cannot be used", recognised among the exceptions a command or request ends with,
/// and said in one line that names the server and the fix: the CLI prints it with its own exit
/// code and the API answers 503 with it, instead of a stack trace.
/// </summary>
public sealed record DatabaseOutage(string Server, string? Database, string Problem, string Fix)
{
    public const string StartFix = "start it with `scripts/postgres.sh start`, or point ActivityWatch__Postgres__ConnectionString at a running server";

    /// <summary>"PostgreSQL at 127.0.0.1:55432 (database activitywatch) does not answer".</summary>
    public string Summary => $"PostgreSQL at {Server}{(Database is null ? "" : $" (database {Database})")} {Problem}";

    /// <summary>The summary and the fix, one line.</summary>
    public override string ToString() => $"{Summary}: {Fix}";

    /// <summary>The outage behind <paramref name="exception"/> (anywhere in its chain), or null when it is something else.</summary>
    public static DatabaseOutage? Find(Exception exception, string? connectionString)
    {
        foreach (var inner in Chain(exception))
        {
            var (problem, fix) = inner switch
            {
                PostgresException { SqlState: "28P01" or "28000" } pg => ($"refused the login ({pg.MessageText})", "check the user and password in ActivityWatch__Postgres__ConnectionString"),
                PostgresException { SqlState: "3D000" } => ("has no such database", "create it, or name another in ActivityWatch__Postgres__ConnectionString"),
                // 57P01-57P03: shutting down, crashed, starting up; class 08: the connection failed.
                PostgresException pg when pg.SqlState is "57P01" or "57P02" or "57P03" || pg.SqlState.StartsWith("08", StringComparison.Ordinal) =>
                    ("is shutting down or starting up", StartFix),
                PostgresException => (null, null),
                NpgsqlException npgsql when IsConnectionFailure(npgsql) => ("does not answer", StartFix),
                _ => ((string?)null, (string?)null),
            };
            if (problem is not null) return Describe(connectionString, problem, fix!);
        }
        return null;
    }

    private static DatabaseOutage Describe(string? connectionString, string problem, string fix)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString ?? "");
            var host = string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host;
            return new DatabaseOutage($"{host}:{builder.Port}", string.IsNullOrEmpty(builder.Database) ? null : builder.Database, problem, fix);
        }
        catch (ArgumentException)
        {
            return new DatabaseOutage("(unreadable ActivityWatch__Postgres__ConnectionString)", null, problem, fix);
        }
    }

    // Npgsql reports a refused, reset or timed-out connection as an NpgsqlException around the socket error.
    private static bool IsConnectionFailure(NpgsqlException exception) =>
        exception.InnerException is SocketException or TimeoutException or IOException or EndOfStreamException
        || exception.Message.StartsWith("Failed to connect", StringComparison.Ordinal);

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        var seen = 0;
        while (pending.Count > 0 && seen++ < 32)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate) foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            else if (current.InnerException is { } inner) pending.Push(inner);
        }
    }
}
