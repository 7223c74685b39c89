using System.Collections.Concurrent;

namespace ActivityWatch.Api.Live;

/// <summary>
/// Counts the live streams each caller holds open in this process. A stream costs a connection
/// and a listener for as long as it lasts; a leaked key should not be able to open thousands.
/// </summary>
public sealed class LiveStreamSlots
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <returns>A slot to dispose when the stream ends, or null when the caller holds <paramref name="limit"/> already.</returns>
    public IDisposable? TryTake(string caller, int limit)
    {
        while (true)
        {
            var current = _open.GetOrAdd(caller, 0);
            if (current >= limit) return null;
            if (_open.TryUpdate(caller, current + 1, current)) return new Slot(this, caller);
        }
    }

    public int OpenFor(string caller) => _open.GetValueOrDefault(caller);

    private void Release(string caller)
    {
        while (true)
        {
            if (!_open.TryGetValue(caller, out var current)) return;
            if (current <= 1)
            {
                if (_open.TryRemove(new KeyValuePair<string, int>(caller, current))) return;
            }
            else if (_open.TryUpdate(caller, current - 1, current))
            {
                return;
            }
        }
    }

    private sealed class Slot(LiveStreamSlots owner, string caller) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) owner.Release(caller);
        }
    }
}
