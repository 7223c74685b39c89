namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>The AWS key layouts log objects are delivered under.</summary>
public enum LogKeyLayout
{
    /// <summary>AWSLogs/[o-org/]account/CloudTrail/region/YYYY/MM/DD/account_CloudTrail_region_YYYYMMDDTHHmmZ_unique.json.gz</summary>
    CloudTrail,
    /// <summary>AWSLogs/[o-org/]account/CloudTrail-Digest/...: integrity digests, read for verification (or skipped and counted with it off).</summary>
    CloudTrailDigest,
    /// <summary>S3 server access logs, simple: prefixYYYY-mm-DD-HH-MM-SS-UniqueString.</summary>
    S3AccessSimple,
    /// <summary>S3 server access logs, date-partitioned: prefix/account/region/bucket/YYYY/MM/DD/YYYY-mm-DD-HH-MM-SS-UniqueString.</summary>
    S3AccessPartitioned,
    /// <summary>Anything else (an export, a hand-made folder): read, but with no time or account in the key.</summary>
    Other,
}
