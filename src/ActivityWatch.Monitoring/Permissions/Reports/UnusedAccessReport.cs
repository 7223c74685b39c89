namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>
/// `permissions unused`: the findings, and what they rest on: the accounts whose IAM state is
/// known and how (an import, or CloudTrail's IAM changes alone), and notes that say what is
/// missing when nothing could be found, with the command that fixes it.
/// </summary>
public sealed record UnusedAccessReport(IReadOnlyList<UnusedAccessFinding> Findings, IReadOnlyList<AccountBasis> Accounts, IReadOnlyList<string> Notes);

/// <summary>One account's IAM state: from an import captured at <see cref="SnapshotAt"/>, or from CloudTrail alone.</summary>
public sealed record AccountBasis(string AccountId, string GrantsBasis, DateTimeOffset? SnapshotAt, int Users, int Roles);
