namespace ActivityWatch.Ingestion.Parsing;

public enum LogFormat
{
    /// <summary>A CloudTrail delivery file: {"Records":[...]}.</summary>
    CloudTrailRecords,
    /// <summary>A CloudTrail digest file: recognised, skipped and counted, never records.</summary>
    CloudTrailDigest,
    /// <summary>EventBridge events whose detail is a CloudTrail record, one per line or as an array.</summary>
    EventBridge,
    /// <summary>Bare CloudTrail records, one per line or as a JSON array (CloudTrail Lake, Athena, Event history exports).</summary>
    CloudTrailJsonLines,
    /// <summary>S3 server access log lines.</summary>
    S3AccessLog,
    /// <summary>Nothing in it.</summary>
    Empty,
    /// <summary>None of the above: the object is quarantined whole.</summary>
    Unknown,
}
