namespace ActivityWatch.Ingestion.Parsing;

/// <summary>
/// Memory and work bounds of one <see cref="LogObject"/>: the read buffer starts small and grows only
/// to hold the largest single record, never past <see cref="MaxRecordBytes"/> (a longer record is
/// scanned through and rejected instead of being buffered); no more than <see cref="MaxObjectBytes"/>
/// of (decompressed) content is read, so a gzip bomb costs bounded time, and the rest is one rejection.
/// </summary>
internal sealed record ReaderLimits(int InitialBufferBytes, int MaxRecordBytes, long MaxObjectBytes = ReaderLimits.DefaultMaxObjectBytes)
{
    public const long DefaultMaxObjectBytes = 16L * 1024 * 1024 * 1024;

    // CloudTrail caps an event at 256 KB; 16 MiB leaves room for hand-made exports and long lines.
    public static ReaderLimits Default { get; } = new(64 * 1024, 16 * 1024 * 1024);

    /// <summary>How much is peeked at to recognise the format before giving up.</summary>
    public int DetectionBytes => Math.Min(MaxRecordBytes, 1024 * 1024);
}
