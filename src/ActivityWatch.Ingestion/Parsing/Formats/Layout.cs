namespace ActivityWatch.Ingestion.Parsing.Formats;

/// <summary>How the positions of a detected object are laid out in its bytes.</summary>
internal enum Layout
{
    /// <summary>Nothing to read: empty, digest or unknown.</summary>
    None,
    /// <summary>An array under a top-level key ("Records", or "Events" in lookup-events output).</summary>
    KeyedArray,
    /// <summary>A top-level JSON array.</summary>
    TopLevelArray,
    /// <summary>Top-level JSON values that span lines or run together on one line.</summary>
    JsonSequence,
    /// <summary>One JSON value per line.</summary>
    JsonLines,
    /// <summary>Text lines (S3 server access logs).</summary>
    TextLines,
}
