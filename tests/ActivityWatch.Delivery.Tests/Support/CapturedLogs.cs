using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActivityWatch.Delivery.Tests.Support;

/// <summary>Keeps every log line of the categories asked for, with its structured fields.</summary>
public sealed class CapturedLogs(params string[] categories) : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, string Message, IReadOnlyDictionary<string, object?> Fields)> _lines = new();

    public IReadOnlyList<(string Category, string Message, IReadOnlyDictionary<string, object?> Fields)> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => owner.Wants(category);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!owner.Wants(category)) return;
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : new Dictionary<string, object?>();
            owner._lines.Enqueue((category, formatter(state, exception), fields));
        }
    }

    private bool Wants(string category) => categories.Any(c => category.StartsWith(c, StringComparison.Ordinal));
}
