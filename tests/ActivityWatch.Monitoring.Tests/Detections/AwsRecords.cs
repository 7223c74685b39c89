using System.Text.Json.Nodes;

namespace ActivityWatch.Monitoring.Tests.Detections;

/// <summary>
/// CloudTrail records in the shapes the CloudTrail User Guide documents (userIdentity element,
/// ConsoleLogin examples, IAM/S3/EC2 examples), as JSON text for the real parser.
/// </summary>
public static class AwsRecords
{
    public const string Account = "111122223333";
    public static readonly DateTimeOffset Monday = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public static JsonObject IamUser(string userName = "alice", bool? sessionMfa = null, string accessKeyId = "AKIAIOSFODNN7EXAMPLE")
    {
        var identity = new JsonObject
        {
            ["type"] = "IAMUser",
            ["principalId"] = "AIDACKCEVSQ6C2EXAMPLE",
            ["arn"] = $"arn:aws:iam::{Account}:user/{userName}",
            ["accountId"] = Account,
            ["accessKeyId"] = accessKeyId,
            ["userName"] = userName,
        };
        if (sessionMfa is { } mfa)
        {
            identity["accessKeyId"] = "ASIAIOSFODNN7SESSION";
            identity["sessionContext"] = new JsonObject
            {
                ["sessionIssuer"] = new JsonObject(),
                ["webIdFederationData"] = new JsonObject(),
                ["attributes"] = new JsonObject { ["creationDate"] = "2026-11-02T07:55:00Z", ["mfaAuthenticated"] = mfa ? "true" : "false" },
            };
        }
        return identity;
    }

    public static JsonObject Root(string? invokedBy = null, string accessKeyId = "ASIAROOTCONSOLE00001")
    {
        var identity = new JsonObject
        {
            ["type"] = "Root",
            ["principalId"] = Account,
            ["arn"] = $"arn:aws:iam::{Account}:root",
            ["accountId"] = Account,
            ["accessKeyId"] = accessKeyId,
        };
        if (invokedBy is not null) identity["invokedBy"] = invokedBy;
        return identity;
    }

    public static JsonObject AssumedRole(string roleName = "Admin", string sessionName = "alice@example.com", string mfa = "false")
    {
        return new JsonObject
        {
            ["type"] = "AssumedRole",
            ["principalId"] = $"AROAIDPPEZS35WEXAMPLE:{sessionName}",
            ["arn"] = $"arn:aws:sts::{Account}:assumed-role/{roleName}/{sessionName}",
            ["accountId"] = Account,
            ["accessKeyId"] = "ASIAEXAMPLEROLE00001",
            ["sessionContext"] = new JsonObject
            {
                ["sessionIssuer"] = new JsonObject
                {
                    ["type"] = "Role",
                    ["principalId"] = "AROAIDPPEZS35WEXAMPLE",
                    ["arn"] = $"arn:aws:iam::{Account}:role/{(roleName.StartsWith("AWSReservedSSO_") ? "aws-reserved/sso.amazonaws.com/" : "")}{roleName}",
                    ["accountId"] = Account,
                    ["userName"] = roleName,
                },
                ["attributes"] = new JsonObject { ["creationDate"] = "2026-11-02T07:55:00Z", ["mfaAuthenticated"] = mfa },
            },
        };
    }

    public static string Call(JsonObject identity, string eventName, string eventSource = "iam.amazonaws.com", JsonNode? requestParameters = null,
        JsonNode? responseElements = null, string? errorCode = null, string? errorMessage = null, string sourceIp = "198.51.100.23",
        DateTimeOffset? time = null, string eventType = "AwsApiCall", string? eventId = null, bool? readOnly = null)
    {
        var record = new JsonObject
        {
            ["eventVersion"] = "1.10",
            ["userIdentity"] = identity,
            ["eventTime"] = (time ?? Monday).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["eventSource"] = eventSource,
            ["eventName"] = eventName,
            ["awsRegion"] = "us-east-1",
            ["sourceIPAddress"] = sourceIp,
            ["userAgent"] = "aws-cli/2.17.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1",
            ["requestParameters"] = requestParameters,
            ["responseElements"] = responseElements,
            ["requestID"] = Guid.NewGuid().ToString(),
            ["eventID"] = eventId ?? Guid.NewGuid().ToString(),
            ["readOnly"] = readOnly ?? (eventName.StartsWith("Get") || eventName.StartsWith("List") || eventName.StartsWith("Describe")),
            ["eventType"] = eventType,
            ["managementEvent"] = true,
            ["recipientAccountId"] = Account,
            ["eventCategory"] = "Management",
        };
        if (errorCode is not null) record["errorCode"] = errorCode;
        if (errorMessage is not null) record["errorMessage"] = errorMessage;
        return record.ToJsonString();
    }

    /// <summary>A ConsoleLogin as documented: a failure has no errorCode, errorMessage "Failed authentication".</summary>
    public static string ConsoleLogin(JsonObject identity, bool success = true, string mfaUsed = "No", string sourceIp = "198.51.100.23",
        DateTimeOffset? time = null, string? samlProviderArn = null, string? eventId = null)
    {
        identity.Remove("accessKeyId");
        var additional = new JsonObject
        {
            ["LoginTo"] = "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true",
            ["MobileVersion"] = "No",
            ["MFAUsed"] = mfaUsed,
        };
        if (samlProviderArn is not null) additional["SamlProviderArn"] = samlProviderArn;
        var record = JsonNode.Parse(Call(identity, "ConsoleLogin", "signin.amazonaws.com", null,
            new JsonObject { ["ConsoleLogin"] = success ? "Success" : "Failure" }, null, success ? null : "Failed authentication",
            sourceIp, time, "AwsConsoleSignIn", eventId, false))!.AsObject();
        record["additionalEventData"] = additional;
        record["userAgent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";
        return record.ToJsonString();
    }

    /// <summary>An AWS service acting on its own (eventType AwsServiceEvent), e.g. a root-owned key rotated by KMS.</summary>
    public static string ServiceEvent(JsonObject identity, string eventName, string eventSource)
    {
        var record = JsonNode.Parse(Call(identity, eventName, eventSource, eventType: "AwsServiceEvent", sourceIp: eventSource))!.AsObject();
        return record.ToJsonString();
    }

    public static JsonNode Json(string text) => JsonNode.Parse(text)!;
}
