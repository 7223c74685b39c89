namespace ActivityWatch.Ingestion.Objects;

/// <summary>A log object to read: a local file, an S3 object, a message body.</summary>
public interface ILogObject
{
    /// <summary>Its stable name (absolute path or s3:// URI): the stream key, checkpoint id and error location.</summary>
    string Name { get; }

    /// <summary>Changes when the content changes (size and mtime, ETag): a changed object is read again.</summary>
    string? Fingerprint { get; }

    Task<Stream> OpenAsync(CancellationToken cancellationToken);
}
