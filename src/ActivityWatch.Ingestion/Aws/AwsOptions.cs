namespace ActivityWatch.Ingestion.Aws;

/// <summary>
/// Configuration section "ActivityWatch:Aws" (env: ActivityWatch__Aws__*). It holds no
/// credentials on purpose: those come only from the AWS SDK's default chain (environment,
/// shared profile, SSO, instance or task role), never from ActivityWatch's own files.
/// </summary>
public sealed class AwsOptions
{
    public const string Section = "ActivityWatch:Aws";

    /// <summary>Region of the log bucket and queues; empty lets the SDK resolve it (AWS_REGION, profile, instance metadata).</summary>
    public string? Region { get; set; }

    /// <summary>Endpoint override for S3-compatible stores and the local test servers, e.g. http://127.0.0.1:45661.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>S3 endpoint only, when S3 and SQS live apart (an S3-compatible store beside real SQS); falls back to ServiceUrl.</summary>
    public string? S3ServiceUrl { get; set; }

    /// <summary>SQS endpoint only; falls back to ServiceUrl.</summary>
    public string? SqsServiceUrl { get; set; }

    /// <summary>Path-style addressing (http://host/bucket/key): needed by most S3-compatible servers.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Retries the SDK itself makes (standard retry mode, with backoff) before our own bounded retry.</summary>
    public int MaxErrorRetry { get; set; } = 4;

    /// <summary>Times a download is attempted again after the SDK gave up on throttling, a 5xx or a broken stream.</summary>
    public int DownloadAttempts { get; set; } = 3;
}
