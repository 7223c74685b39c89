namespace ActivityWatch.Monitoring.Permissions.Reports;

public sealed record UnusedAccessKeyDetails(string AccessKeyId, DateTimeOffset? LastAccessed);
