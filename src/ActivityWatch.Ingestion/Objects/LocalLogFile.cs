namespace ActivityWatch.Ingestion.Objects;

public sealed class LocalLogFile(FileInfo file) : ILogObject
{
    public string Name { get; } = file.FullName;

    public string? Fingerprint { get; } = $"{file.Length}:{file.LastWriteTimeUtc.Ticks}";

    public Task<Stream> OpenAsync(CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan));
}
