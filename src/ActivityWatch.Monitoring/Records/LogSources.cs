namespace ActivityWatch.Monitoring.Records;

public static class LogSources
{
    public const string CloudTrail = "cloudtrail";
    public const string S3Access = "s3-access";

    public static bool IsKnown(string source) => source is CloudTrail or S3Access;
}
