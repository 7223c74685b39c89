namespace ActivityWatch.Ingestion.Parsing;

// TEMPORARY compile shim written by the lead so other modules build while the parser is being
// written; the parsing engineer replaces this whole file (and may move LogObject to its own file).
public static class LogObjectReader
{
    public static Task<LogObject> OpenAsync(Stream content, string sourceObject, CancellationToken ct) =>
        throw new NotImplementedException("parser not written yet");
}

public sealed class LogObject : IAsyncDisposable
{
    public LogFormat Format { get; }

    public IAsyncEnumerable<ParsedRecord> ReadAsync(long startPosition, CancellationToken ct) =>
        throw new NotImplementedException("parser not written yet");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
