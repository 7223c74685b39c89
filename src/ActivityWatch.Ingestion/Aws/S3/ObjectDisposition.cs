namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>What became of one object, and so what its caller may do next (advance, delete, retry, dead-letter).</summary>
public enum ObjectDisposition
{
    /// <summary>Read and stored (or already stored before, or a digest skipped).</summary>
    Done,
    /// <summary>Deleted before it could be downloaded: reported, nothing to retry.</summary>
    Gone,
    /// <summary>Access denied: reported; retrying will not help until permissions change.</summary>
    Denied,
    /// <summary>Downloaded but unreadable as a whole: reported with its key.</summary>
    Unreadable,
    /// <summary>Throttling, 5xx or network trouble beyond the retries: try again later.</summary>
    Retry,
}
