using System.Text.Json.Nodes;

namespace ActivityWatch.Testing.Records;

/// <summary>
/// CloudTrail records in the shapes the CloudTrail User Guide documents ("CloudTrail record contents",
/// the userIdentity element, the ConsoleLogin examples), as JSON text for tests that go through the
/// real parser. A record is an identity (<see cref="IamUser"/>, <see cref="AssumedRole"/>, <see cref="Root"/>)
/// plus the call it made; the one-call shortcuts (<see cref="IamUserCall"/> and its siblings) are for
/// tests that vary only a few fields.
/// </summary>
public static partial class CloudTrailRecords
{
    public const string Account = "123456789012";
    public const string CliAgent = "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.debian.12";
    public static readonly DateTimeOffset Monday = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public static string Call(JsonObject identity, string eventName, string eventSource = "iam.amazonaws.com", JsonNode? requestParameters = null,
        JsonNode? responseElements = null, string? errorCode = null, string? errorMessage = null, string sourceIp = "198.51.100.23",
        DateTimeOffset? time = null, string eventType = "AwsApiCall", string? eventId = null, bool? readOnly = null,
        string region = "us-east-1", string? userAgent = CliAgent)
    {
        var record = new JsonObject
        {
            ["eventVersion"] = "1.10",
            ["userIdentity"] = identity,
            ["eventTime"] = (time ?? Monday).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["eventSource"] = eventSource,
            ["eventName"] = eventName,
            ["awsRegion"] = region,
            ["sourceIPAddress"] = sourceIp,
            ["userAgent"] = userAgent,
            ["requestParameters"] = requestParameters,
            ["responseElements"] = responseElements,
            ["requestID"] = Guid.NewGuid().ToString(),
            ["eventID"] = eventId ?? Guid.NewGuid().ToString(),
            ["readOnly"] = readOnly ?? (eventName.StartsWith("Get") || eventName.StartsWith("List") || eventName.StartsWith("Describe")),
            ["eventType"] = eventType,
            ["managementEvent"] = true,
            ["recipientAccountId"] = AccountOf(identity),
            ["eventCategory"] = "Management",
        };
        if (errorCode is not null) record["errorCode"] = errorCode;
        if (errorMessage is not null) record["errorMessage"] = errorMessage;
        return record.ToJsonString();
    }

    /// <summary>A ConsoleLogin as documented: no accessKeyId; a failure has no errorCode, errorMessage "Failed authentication".</summary>
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
            sourceIp, time, "AwsConsoleSignIn", eventId, false, userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0"))!.AsObject();
        record["additionalEventData"] = additional;
        return record.ToJsonString();
    }

    /// <summary>An AWS service acting on its own (eventType AwsServiceEvent), e.g. a root-owned key rotated by KMS.</summary>
    public static string ServiceEvent(JsonObject identity, string eventName, string eventSource) =>
        Call(identity, eventName, eventSource, eventType: "AwsServiceEvent", sourceIp: eventSource);

    public static JsonNode Json(string text) => JsonNode.Parse(text)!;

    // CloudTrail delivers a record to the account that owns the identity unless the call crossed accounts.
    private static string AccountOf(JsonObject identity) =>
        identity["accountId"] is JsonValue value && value.TryGetValue<string>(out var account) ? account : Account;
}
