using Npgsql;

namespace ActivityWatch.Monitoring.Recording;

/// <summary>
/// What a PostgreSQL error means for the unit of work that met it: try again (the server or the
/// network, not the data), or look for the record PostgreSQL refused (the data, never the server).
/// </summary>
public static class StoreErrors
{
    /// <summary>Connection lost, server restarting or shutting down, out of resources, a deadlock or serialization failure: the same work may succeed later.</summary>
    public static bool IsTransient(Exception error) => Postgres(error) is { } e
        ? e.SqlState.StartsWith("08", StringComparison.Ordinal) || e.SqlState.StartsWith("57P", StringComparison.Ordinal)
          || e.SqlState.StartsWith("53", StringComparison.Ordinal) || e.SqlState is "40001" or "40P01"
        : Innermost<NpgsqlException>(error) is { } npgsql && (npgsql.IsTransient || npgsql.InnerException is IOException or System.Net.Sockets.SocketException)
          || Innermost<TimeoutException>(error) is not null;

    /// <summary>
    /// A record's content was refused: PostgreSQL's data exceptions (22xxx, e.g. an invalid byte
    /// sequence) and limits (54xxx, e.g. an index row too large), or a body that would not serialise.
    /// </summary>
    public static bool IsCausedByContent(Exception error) =>
        Postgres(error) is { } e ? e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState.StartsWith("54", StringComparison.Ordinal)
            : Innermost<System.Text.Json.JsonException>(error) is not null;

    public static string Describe(Exception error) => Postgres(error) is { } e ? $"PostgreSQL {e.SqlState}: {e.MessageText}" : error.Message;

    private static PostgresException? Postgres(Exception error) => Innermost<PostgresException>(error);

    private static T? Innermost<T>(Exception? error) where T : Exception
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
            if (e is AggregateException { InnerExceptions.Count: 1 } single) return Innermost<T>(single.InnerExceptions[0]);
        }
        return null;
    }
}
