using ActivityWatch.Testing.Records;

namespace ActivityWatch.Cli.Tests;

/// <summary>The few CloudTrail shapes the alert, rule and report command tests need, on top of the shared builders.</summary>
public static class AlertsCliRecords
{
    public const string Account = CloudTrailRecords.Account;
    public static readonly DateTimeOffset Monday = CloudTrailRecords.Monday;
    public static readonly string RootArn = $"arn:aws:iam::{Account}:root";

    public static string RootCall(string eventName, DateTimeOffset? time = null) => CloudTrailRecords.RootCall(eventName, time: time ?? Monday);

    public static string RoleCall(string eventName, string eventSource, DateTimeOffset? time = null) =>
        CloudTrailRecords.AssumedRoleCall(eventName, eventSource: eventSource, time: time ?? Monday);

    public static string UserCall(string eventName, string userName, string eventSource, string accessKeyId, DateTimeOffset? time = null) =>
        CloudTrailRecords.IamUserCall(eventName, userName, eventSource, time ?? Monday, accessKeyId: accessKeyId, mfa: null);

    public static string UserConsoleLogin(string userName, string mfaUsed) => CloudTrailRecords.ConsoleLogin(userName, mfaUsed: mfaUsed, time: Monday);

    /// <summary>A root ConsoleLogin as documented (userIdentity type Root, no accessKeyId).</summary>
    public static string RootConsoleLogin(string mfaUsed = "Yes", string sourceIp = "203.0.113.5", string? eventId = null) =>
        CloudTrailRecords.ConsoleLogin(CloudTrailRecords.Root(), mfaUsed: mfaUsed, sourceIp: sourceIp, time: Monday, eventId: eventId);
}
