using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActivityWatch.Delivery.Tests.Support;

/// <summary>
/// Every log entry of every category at every level, as the text a log pipeline would keep: the
/// message, each structured field and the whole exception (messages, inner exceptions, stack).
/// Register with a Trace filter for this provider so the host's Warning threshold does not hide anything.
/// </summary>
public sealed class AllLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(AllLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            owner._entries.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner._entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {fields} | {exception}");
        }
    }
}
