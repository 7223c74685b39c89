using System.Text.Json.Nodes;

namespace ActivityWatch.Testing.Records;

/// <summary>
/// One call per record for tests that vary a few fields. Each has the defaults its callers read back
/// (08:15:03 on <see cref="Monday"/>, its own source address), so keep them when changing the builder.
/// </summary>
public static partial class CloudTrailRecords
{
    private static readonly DateTimeOffset CallTime = Monday.AddMinutes(15).AddSeconds(3);

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
        var failed = !string.IsNullOrEmpty(errorCode);
        return Call(IamUser(userName, mfa, accessKeyId), eventName, eventSource, requestParameters,
            errorCode: failed ? errorCode : null,
            errorMessage: failed ? $"User is not authorized to perform: {eventSource.Split('.')[0]}:{eventName}" : null,
            sourceIp: sourceIp, time: time ?? CallTime, eventId: eventId, region: region);
    }

    public static string AssumedRoleCall(
        string eventName,
        string roleName = "Deployer",
        string sessionName = "ci-run-42",
        string eventSource = "ec2.amazonaws.com",
        DateTimeOffset? time = null,
        string sourceIp = "198.51.100.7",
        string? eventId = null) =>
        Call(AssumedRole(roleName, sessionName), eventName, eventSource, sourceIp: sourceIp, time: time ?? CallTime, eventId: eventId, region: "eu-west-1");

    public static string RootCall(string eventName, string eventSource = "iam.amazonaws.com", DateTimeOffset? time = null, string? invokedBy = null, string? eventId = null) =>
        Call(Root(invokedBy), eventName, eventSource, sourceIp: "203.0.113.50", time: time ?? CallTime, eventId: eventId);

    public static string ConsoleLogin(string userName = "alice", bool success = true, string mfaUsed = "No", DateTimeOffset? time = null, string sourceIp = "192.0.2.10", string? eventId = null) =>
        ConsoleLogin(IamUser(userName), success, mfaUsed, sourceIp, time ?? CallTime, eventId: eventId);
}
