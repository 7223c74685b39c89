namespace ActivityWatch.Ingestion.Aws.Store;

/// <summary>The failures `watch` reports and counts per source.</summary>
public enum SourceErrorKind
{
    /// <summary>The object was deleted between the notification (or listing) and the download.</summary>
    NotFound,
    AccessDenied,
    /// <summary>Throttling, 5xx or network trouble that outlasted the retries; tried again later.</summary>
    Transient,
    /// <summary>The object downloaded but could not be read (truncated gzip, ...).</summary>
    Unreadable,
    /// <summary>A message that is none of the shapes ActivityWatch knows; dead-lettered.</summary>
    UnknownMessage,
    /// <summary>A message received more often than MaxReceiveCount; dead-lettered.</summary>
    Poison,
    /// <summary>A message named an object outside the allowed prefixes and buckets; dead-lettered unread.</summary>
    NotAllowed,
    /// <summary>Listing or receiving failed (the source itself is unreachable).</summary>
    SourceUnavailable,
}
