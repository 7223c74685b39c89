using System.Text.Json.Nodes;

namespace ActivityWatch.Testing.Records;

/// <summary>
/// CloudTrail records in the shape AWS documents ("CloudTrail record contents"), as JSON text,
/// for tests that go through the real parser. Every builder takes the fields tests vary.
/// </summary>
public static class CloudTrailRecords
{
    public const string Account = "123456789012";

    public static string IamUserCall(
        string eventName,
        string userName = "alice",
        string eventSource = "s3.amazonaws.com",
        DateTimeOffset? time = null,
        string sourceIp = "192.0.2.10",
        string accessKeyId = "AKIAIOSFODNN7EXAMPLE",
        bool? mfa = false,
        string? errorCode = null,
        string? eventId = null,
        string region = "us-east-1",
        JsonObject? requestParameters = null)
    {
        var identity = new JsonObject
        {
            ["type"] = "IAMUser",
            ["principalId"] = "AIDAJ45Q7YFFAREXAMPLE",
            ["arn"] = $"arn:aws:iam::{Account}:user/{userName}",
            ["accountId"] = Account,
            ["accessKeyId"] = accessKeyId,
            ["userName"] = userName,
        };
        if (mfa is { } used)
        {
            identity["sessionContext"] = new JsonObject
            {
                ["attributes"] = new JsonObject { ["creationDate"] = "2026-11-02T07:00:00Z", ["mfaAuthenticated"] = used ? "true" : "false" },
            };
        }
        return Record(identity, eventName, eventSource, time, sourceIp, errorCode, eventId, region, requestParameters);
    }

    public static string AssumedRoleCall(
        string eventName,
        string roleName = "Deployer",
        string sessionName = "ci-run-42",
        string eventSource = "ec2.amazonaws.com",
        DateTimeOffset? time = null,
        string sourceIp = "198.51.100.7",
        string? eventId = null)
    {
        var identity = new JsonObject
        {
            ["type"] = "AssumedRole",
            ["principalId"] = $"AROAEXAMPLEROLEID:{sessionName}",
            ["arn"] = $"arn:aws:sts::{Account}:assumed-role/{roleName}/{sessionName}",
            ["accountId"] = Account,
            ["accessKeyId"] = "ASIAEXAMPLESESSION01",
            ["sessionContext"] = new JsonObject
            {
                ["sessionIssuer"] = new JsonObject
                {
                    ["type"] = "Role",
                    ["principalId"] = "AROAEXAMPLEROLEID",
                    ["arn"] = $"arn:aws:iam::{Account}:role/{roleName}",
                    ["accountId"] = Account,
                    ["userName"] = roleName,
                },
                ["attributes"] = new JsonObject { ["creationDate"] = "2026-11-02T07:00:00Z", ["mfaAuthenticated"] = "false" },
            },
        };
        return Record(identity, eventName, eventSource, time, sourceIp, null, eventId, "eu-west-1", null);
    }

    public static string RootCall(string eventName, string eventSource = "iam.amazonaws.com", DateTimeOffset? time = null, string? invokedBy = null, string? eventId = null)
    {
        var identity = new JsonObject
        {
            ["type"] = "Root",
            ["principalId"] = Account,
            ["arn"] = $"arn:aws:iam::{Account}:root",
            ["accountId"] = Account,
            ["accessKeyId"] = "ASIAROOTSESSION00001",
        };
        if (invokedBy is not null) identity["invokedBy"] = invokedBy;
        return Record(identity, eventName, eventSource, time, "203.0.113.50", null, eventId, "us-east-1", null);
    }

    public static string ConsoleLogin(string userName = "alice", bool success = true, string mfaUsed = "No", DateTimeOffset? time = null, string sourceIp = "192.0.2.10", string? eventId = null)
    {
        var record = JsonNode.Parse(IamUserCall("ConsoleLogin", userName, "signin.amazonaws.com", time, sourceIp, "", null, null, eventId))!.AsObject();
        record["userIdentity"]!.AsObject().Remove("accessKeyId");
        record["eventType"] = "AwsConsoleSignIn";
        record["responseElements"] = new JsonObject { ["ConsoleLogin"] = success ? "Success" : "Failure" };
        record["additionalEventData"] = new JsonObject
        {
            ["LoginTo"] = "https://console.aws.amazon.com/console/home",
            ["MobileVersion"] = "No",
            ["MFAUsed"] = mfaUsed,
        };
        if (!success) record["errorMessage"] = "Failed authentication";
        return record.ToJsonString();
    }

    private static string Record(JsonObject identity, string eventName, string eventSource, DateTimeOffset? time, string sourceIp,
        string? errorCode, string? eventId, string region, JsonObject? requestParameters)
    {
        var record = new JsonObject
        {
            ["eventVersion"] = "1.09",
            ["userIdentity"] = identity,
            ["eventTime"] = (time ?? new DateTimeOffset(2026, 11, 2, 8, 15, 3, TimeSpan.Zero)).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["eventSource"] = eventSource,
            ["eventName"] = eventName,
            ["awsRegion"] = region,
            ["sourceIPAddress"] = sourceIp,
            ["userAgent"] = "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.debian.12",
            ["requestParameters"] = requestParameters,
            ["responseElements"] = null,
            ["requestID"] = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(),
            ["eventID"] = eventId ?? Guid.NewGuid().ToString(),
            ["readOnly"] = eventName.StartsWith("Get") || eventName.StartsWith("List") || eventName.StartsWith("Describe"),
            ["eventType"] = "AwsApiCall",
            ["managementEvent"] = true,
            ["recipientAccountId"] = Account,
            ["eventCategory"] = "Management",
        };
        if (!string.IsNullOrEmpty(errorCode))
        {
            record["errorCode"] = errorCode;
            record["errorMessage"] = $"User is not authorized to perform: {eventSource.Split('.')[0]}:{eventName}";
        }
        return record.ToJsonString();
    }
}
