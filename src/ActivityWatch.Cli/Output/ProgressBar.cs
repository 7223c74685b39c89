using ActivityWatch.Ingestion.Pipeline;

namespace ActivityWatch.Cli.Output;

/// <summary>
/// A one-line progress bar on stderr, redrawn at most ten times a second: files read first, then
/// the detections and views catching up with the stored events.
/// </summary>
public sealed class ProgressBar(TextWriter writer) : IProgress<IngestProgress>, IDisposable
{
    private const int Width = 30;
    private long _lastDrawTicks;
    private int _lastLength;
    private bool _drawn;

    public void Report(IngestProgress value) =>
        Draw(value.FilesDone, value.FilesTotal, $"{value.FilesDone:N0}/{value.FilesTotal:N0} files, {value.Records:N0} records, {value.Rejected:N0} rejected");

    /// <summary>The second phase: events the daemon has processed (projections, detections, alerts) of those stored.</summary>
    public void ReportCatchUp(long processed, long total) =>
        Draw(processed, total, $"detections and views: {processed:N0}/{total:N0} events");

    private void Draw(long done, long total, string text)
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastDrawTicks) < 100 && done < total) return;
        Interlocked.Exchange(ref _lastDrawTicks, now);
        var filled = total <= 0 ? Width : (int)Math.Clamp(Width * done / total, 0, Width);
        var line = $"[{new string('#', filled)}{new string('.', Width - filled)}] {text}";
        lock (writer)
        {
            // Pad over the end of a longer previous line.
            writer.Write($"\r{line.PadRight(_lastLength)}");
            _lastLength = line.Length;
            _drawn = true;
        }
    }

    public void Dispose()
    {
        if (!_drawn) return;
        lock (writer)
        {
            writer.WriteLine();
            _drawn = false;
        }
    }
}
