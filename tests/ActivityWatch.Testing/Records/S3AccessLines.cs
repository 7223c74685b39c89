namespace ActivityWatch.Testing.Records;

/// <summary>S3 server access log lines in the documented field order ("Amazon S3 server access log format").</summary>
public static class S3AccessLines
{
    public static string Line(
        string operation = "REST.GET.OBJECT",
        string requester = "arn:aws:iam::123456789012:user/alice",
        string key = "reports/2026/daily.csv",
        string bucket = "example-data-bucket",
        string time = "02/Nov/2026:08:15:03 +0000",
        string remoteIp = "192.0.2.10",
        int status = 200,
        string errorCode = "-",
        string requestId = "3E57427F3EXAMPLE") =>
        $"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be {bucket} [{time}] {remoteIp} {requester} {requestId} {operation} {key} " +
        $"\"GET /{bucket}/{key} HTTP/1.1\" {status} {errorCode} 48213 48213 12 11 \"-\" \"aws-cli/2.15.0 Python/3.11.6 Linux/6.1\" - " +
        "s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 TLS_AES_128_GCM_SHA256 AuthHeader " +
        $"{bucket}.s3.us-east-1.amazonaws.com TLSv1.3 - -";
}
