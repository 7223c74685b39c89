namespace ActivityWatch.Monitoring.Permissions.Granted;

/// <summary>
/// An account's IAM configuration was imported. CapturedAt is when the file describes the
/// account (given by the operator, else the import time): CloudTrail IAM changes after it are
/// replayed on top to answer "what could this principal do on date D".
/// </summary>
public sealed record IamAuthorizationImported(string AccountId, DateTimeOffset CapturedAt, string Source, IamSnapshot Snapshot)
{
    public static string StreamId(string accountId) => $"iam-authorization/{accountId}";
}
