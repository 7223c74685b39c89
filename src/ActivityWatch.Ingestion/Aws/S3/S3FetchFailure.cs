namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>Why an object could not be downloaded, which decides whether trying again can help.</summary>
public enum S3FetchFailure
{
    None,
    /// <summary>NoSuchKey: deleted between the notification (or listing) and the download. Reported, never retried.</summary>
    NotFound,
    /// <summary>AccessDenied (or a KMS key the role may not use). Reported, not retried forever.</summary>
    AccessDenied,
    /// <summary>Throttling, 5xx or a broken connection that outlasted every retry: worth another try later.</summary>
    Transient,
}
