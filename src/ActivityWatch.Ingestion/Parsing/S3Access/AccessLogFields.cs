namespace ActivityWatch.Ingestion.Parsing.S3Access;

/// <summary>
/// Field positions of the Amazon S3 server access log format (Amazon S3 User Guide, "Amazon S3
/// server access log format"). AWS appends fields over time, so lines may stop early (old logs
/// end after the user agent or the version id) or carry fields newer than this list.
/// </summary>
internal static class AccessLogFields
{
    public const int BucketOwner = 0;
    public const int Bucket = 1;
    public const int Time = 2;
    public const int RemoteIp = 3;
    public const int Requester = 4;
    public const int RequestId = 5;
    public const int Operation = 6;
    public const int Key = 7;
    public const int RequestUri = 8;
    public const int HttpStatus = 9;
    public const int ErrorCode = 10;
    public const int BytesSent = 11;
    public const int UserAgent = 16;

    /// <summary>The oldest documented lines end with the user agent.</summary>
    public const int Minimum = UserAgent + 1;

    public const int Maximum = 40;

    private static readonly string[] Names =
    [
        "bucket owner", "bucket", "time", "remote IP", "requester", "request ID", "operation", "key", "request-URI",
        "HTTP status", "error code", "bytes sent", "object size", "total time", "turn-around time", "referer",
        "user-agent", "version ID", "host ID", "signature version", "cipher suite", "authentication type",
        "host header", "TLS version", "access point ARN", "aclRequired",
    ];

    public static string Describe(int index) =>
        index < Names.Length ? $"field {index + 1} ({Names[index]})" : $"field {index + 1}";
}
