namespace ActivityWatch.Ingestion.Tests.Parsing;

/// <summary>Lines shaped like the examples in the Amazon S3 User Guide, "Amazon S3 server access log format".</summary>
internal static class S3AccessLogSamples
{
    public const string Owner = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

    public const string Current =
        Owner + " amzn-s3-demo-bucket1 [06/Feb/2019:00:00:38 +0000] 192.0.2.3 arn:aws:sts::123456789012:assumed-role/ops/Reader/alice@example.com 3E57427F3EXAMPLE REST.GET.OBJECT photos/2019/my%20cat%2Bdog.jpg \"GET /amzn-s3-demo-bucket1/photos/2019/my%20cat%2Bdog.jpg HTTP/1.1\" 200 - 113 113 7 6 \"-\" \"aws-cli/2.13.5 Python/3.11.4 Linux/5.10 exe/x86_64 \\\"quoted\\\" command/s3.cp\" - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com TLSv1.2 arn:aws:s3:us-west-1:123456789012:accesspoint/example-AP Yes";

    public const string Anonymous =
        Owner + " amzn-s3-demo-bucket1 [06/Feb/2019:00:01:57 +0000] 198.51.100.7 - 891CE47D2EXAMPLE REST.GET.OBJECT index.html \"GET /index.html HTTP/1.1\" 403 AccessDenied 243 - 3 - \"https://example.com/\" \"Mozilla/5.0 (X11; Linux x86_64)\" - EXAMPLEhostid= SigV2 - - amzn-s3-demo-bucket1.s3.amazonaws.com - - -";

    /// <summary>Logs from before the version id and later fields stop after the user agent.</summary>
    public const string Old =
        Owner + " amzn-s3-demo-bucket1 [06/Feb/2014:00:00:38 +0000] 192.0.2.3 " + Owner + " 3E57427F3EXAMPLE REST.GET.VERSIONING - \"GET /amzn-s3-demo-bucket1?versioning HTTP/1.1\" 200 - 113 - 7 - \"-\" \"S3Console/0.4\"";

    /// <summary>AWS appends fields over time; a line from the future has more than we know of.</summary>
    public const string WithExtraFields = Current + " us-west-1 some-future-field \"quoted future\"";

    public const string IamUser =
        Owner + " amzn-s3-demo-bucket1 [15/Jan/2024:23:59:59 -0130] 192.0.2.9 arn:aws:iam::123456789012:user/Alice A1B2C3D4EXAMPLE REST.PUT.OBJECT reports/q1.csv \"PUT /reports/q1.csv HTTP/1.1\" 200 - - 5120 40 12 \"-\" \"Boto3/1.34.0\" 3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY= EXAMPLEhostid= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader amzn-s3-demo-bucket1.s3.amazonaws.com TLSv1.3 - -";
}
