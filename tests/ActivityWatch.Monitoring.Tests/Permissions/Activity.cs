using System.Text.Json;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Tests.Permissions;

/// <summary>ActivityRecorded events as the parser makes them, for tests that feed the write path directly.</summary>
public static class Activity
{
    public static readonly DateTimeOffset Day = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public static ActivityRecorded Call(
        string principal, string eventSource, string eventName, DateTimeOffset? time = null,
        string identityType = IdentityTypes.AssumedRole, string? accessKeyId = null, string sourceIp = "192.0.2.10",
        string region = "us-east-1", string? errorCode = null, string? raw = null, string? sessionName = null)
    {
        var key = Guid.NewGuid().ToString("N");
        return new ActivityRecorded
        {
            Source = LogSources.CloudTrail,
            RecordKey = key,
            RecordId = key,
            EventTime = time ?? Day,
            Principal = principal,
            SessionName = sessionName,
            IdentityType = identityType,
            AccountId = PermissionFixtures.Account,
            EventSource = eventSource,
            EventName = eventName,
            EventType = "AwsApiCall",
            AwsRegion = region,
            SourceIp = sourceIp,
            ErrorCode = errorCode,
            AccessKeyId = accessKeyId,
            SourceObject = "memory://permissions/test.json",
            Raw = JsonDocument.Parse(raw ?? "{}").RootElement.Clone(),
        };
    }

    public static ActivityRecorded S3Access(string principal, string operation, string bucket, string? key, DateTimeOffset? time = null, int status = 200)
    {
        var id = Guid.NewGuid().ToString("N");
        return new ActivityRecorded
        {
            Source = LogSources.S3Access,
            RecordKey = id,
            EventTime = time ?? Day,
            Principal = principal,
            IdentityType = IdentityTypes.AssumedRole,
            AccountId = PermissionFixtures.Account,
            EventSource = "s3.amazonaws.com",
            EventName = operation,
            SourceIp = "192.0.2.44",
            Bucket = bucket,
            ObjectKey = key,
            HttpStatus = status,
            SourceObject = "memory://permissions/access.log",
        };
    }

    /// <summary>A CloudTrail IAM write call with its request (and response) parameters.</summary>
    public static ActivityRecorded IamChange(string eventName, string requestParameters, DateTimeOffset time, string? responseElements = null) =>
        Call($"arn:aws:iam::{PermissionFixtures.Account}:user/admin", "iam.amazonaws.com", eventName, time, IdentityTypes.IamUser,
            raw: $$"""{"eventName":"{{eventName}}","requestParameters":{{requestParameters}},"responseElements":{{responseElements ?? "null"}}}""");
}
