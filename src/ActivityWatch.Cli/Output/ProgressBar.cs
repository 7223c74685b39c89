using ActivityWatch.Ingestion.Pipeline;

namespace ActivityWatch.Cli.Output;

/// <summary>A one-line progress bar on stderr, redrawn at most ten times a second.</summary>
public sealed class ProgressBar(TextWriter writer) : IProgress<IngestProgress>, IDisposable
{
    private long _lastDrawTicks;
    private bool _drawn;

    public void Report(IngestProgress value)
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastDrawTicks) < 100 && value.FilesDone < value.FilesTotal) return;
        Interlocked.Exchange(ref _lastDrawTicks, now);
        const int width = 30;
        var filled = value.FilesTotal == 0 ? width : (int)(width * (long)value.FilesDone / value.FilesTotal);
        lock (writer)
        {
            writer.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {value.FilesDone}/{value.FilesTotal} files, {value.Records:N0} records, {value.Rejected:N0} rejected ");
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
