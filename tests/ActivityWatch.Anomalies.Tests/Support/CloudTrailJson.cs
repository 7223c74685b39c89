using System.Text.Json;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Anomalies.Tests.Support;

/// <summary>A record as CloudTrail delivers it, for tests that go through the real parser and write path.</summary>
public static class CloudTrailJson
{
    public static string From(ActivityRecorded r) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["eventVersion"] = "1.09",
        ["userIdentity"] = new Dictionary<string, object?>
        {
            ["type"] = "IAMUser",
            ["principalId"] = "AIDAEXAMPLEALICE00001",
            ["arn"] = r.Principal,
            ["accountId"] = r.AccountId,
            ["accessKeyId"] = "AKIAEXAMPLEALICE0001",
            ["userName"] = r.Principal[(r.Principal.LastIndexOf('/') + 1)..],
        },
        ["eventTime"] = r.EventTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        ["eventSource"] = r.EventSource,
        ["eventName"] = r.EventName,
        ["awsRegion"] = r.AwsRegion,
        ["sourceIPAddress"] = r.SourceIp,
        ["userAgent"] = r.UserAgent,
        ["errorCode"] = r.ErrorCode,
        ["requestParameters"] = null,
        ["responseElements"] = null,
        ["requestID"] = Guid.NewGuid().ToString(),
        ["eventID"] = r.RecordId,
        ["readOnly"] = r.ReadOnly,
        ["eventType"] = "AwsApiCall",
        ["managementEvent"] = true,
        ["recipientAccountId"] = r.AccountId,
        ["eventCategory"] = "Management",
    });
}
