namespace ActivityWatch.Cli.Errors;

/// <summary>What `activitywatch` exits with, the same for every command (the README lists them).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran and failed: no such alert, key or rule, an unexpected error.</summary>
    public const int Failed = 1;

    /// <summary>A bad option value, a missing argument, or an action the current state refuses.</summary>
    public const int Usage = 2;

    /// <summary>`ingest` finished, but some records were quarantined or some objects could not be read.</summary>
    public const int Rejected = 3;

    /// <summary>PostgreSQL does not answer, refuses the login or lacks the database.</summary>
    public const int DatabaseUnavailable = 4;

    /// <summary>Stopped with Ctrl+C.</summary>
    public const int Interrupted = 130;
}
