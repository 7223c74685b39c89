using System.Text.Json;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Anomalies.Tests.Support;

/// <summary>CloudTrail records as the parser normalises them, for one IAM user.</summary>
public static class Activity
{
    public const string Alice = "arn:aws:iam::111122223333:user/alice";
    public const string OfficeIp = "192.0.2.44";
    public const string AttackerIp = "203.0.113.7";
    public const string CliAgent = "aws-cli/2.31.18 md/awscrt#0.27.6 ua/2.1 os/macos#25.1.0 md/arch#arm64 lang/python#3.13.7";
    public const string KaliAgent = "Boto3/1.40.12 md/Botocore#1.40.12 ua/2.1 os/linux#6.12.38+kali-amd64 md/arch#x86_64 lang/python#3.13.5";

    /// <summary>Monday 2 November 2026.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public static ActivityRecorded Call(DateTimeOffset at, string service, string name, string ip = OfficeIp, string agent = CliAgent,
        string region = "us-east-1", string? error = null, string principal = Alice, string? requestParameters = null, string? accessKey = null) => new()
    {
        Source = LogSources.CloudTrail,
        RecordKey = Guid.NewGuid().ToString("N"),
        RecordId = Guid.NewGuid().ToString(),
        EventTime = at,
        Principal = principal,
        IdentityType = IdentityTypes.IamUser,
        AccountId = "111122223333",
        EventSource = $"{service}.amazonaws.com",
        EventName = name,
        EventType = "AwsApiCall",
        AwsRegion = region,
        SourceIp = ip,
        UserAgent = agent,
        ErrorCode = error,
        AccessKeyId = accessKey,
        ReadOnly = name.StartsWith("Describe") || name.StartsWith("List") || name.StartsWith("Get"),
        SourceObject = "memory://test",
        Raw = requestParameters is null ? null : JsonDocument.Parse($"{{\"requestParameters\":{requestParameters}}}").RootElement,
    };

    /// <summary>The same call as CloudTrail delivers it, for tests that go through the real parser and write path.</summary>
    public static string AsCloudTrail(ActivityRecorded r) => CloudTrailRecords.Call(
        CloudTrailRecords.IamUser(r.Principal[(r.Principal.LastIndexOf('/') + 1)..], accessKeyId: "AKIAEXAMPLEALICE0001", account: r.AccountId!),
        r.EventName!, r.EventSource!, errorCode: r.ErrorCode, sourceIp: r.SourceIp!, time: r.EventTime, eventId: r.RecordId,
        readOnly: r.ReadOnly, region: r.AwsRegion!, userAgent: r.UserAgent);

    /// <summary>Alice's habit: describes and lists from the office with the CLI, weekdays 09:00-17:00 UTC.</summary>
    public static IEnumerable<ActivityRecorded> OfficeWeeks(int weeks = 2)
    {
        string[] calls = ["ec2:DescribeInstances", "s3:ListBuckets", "logs:DescribeLogGroups", "ec2:DescribeVpcs", "cloudwatch:GetMetricData"];
        for (var day = 0; day < weeks * 7; day++)
        {
            if (day % 7 >= 5) continue;
            for (var hour = 9; hour < 17; hour++)
            {
                for (var i = 0; i < 3; i++)
                {
                    var call = calls[(day + hour + i) % calls.Length].Split(':');
                    yield return Call(Monday.AddDays(day).AddHours(hour).AddMinutes(i * 17 + day % 7), call[0], call[1]);
                }
            }
        }
    }
}
