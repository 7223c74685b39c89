using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Ingestion.Parsing;

/// <summary>
/// One position of a log object: a record that was read, or one that could not be.
/// Positions count from 0 in the order the object holds them: the array index, or the ordinal of
/// the value among non-blank lines (blank lines are not records, and a line holding several JSON
/// values run together gives each its own position). Identical content gives identical positions.
/// </summary>
public readonly record struct ParsedRecord(long Position, ActivityRecorded? Record, RecordRejection? Rejection);

/// <summary>Why a record could not be read, and where its bytes are.</summary>
public sealed record RecordRejection(long Position, long? ByteOffset, long? Line, string Reason, string? Excerpt);
