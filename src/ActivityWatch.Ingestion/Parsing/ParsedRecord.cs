using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Ingestion.Parsing;

/// <summary>
/// One position of a log object: a record that was read, or one that could not be.
/// Positions count from 0 in the order the object holds them (array index, or line number - 1).
/// </summary>
public readonly record struct ParsedRecord(long Position, ActivityRecorded? Record, RecordRejection? Rejection);

/// <summary>Why a record could not be read, and where its bytes are.</summary>
public sealed record RecordRejection(long Position, long? ByteOffset, long? Line, string Reason, string? Excerpt);
