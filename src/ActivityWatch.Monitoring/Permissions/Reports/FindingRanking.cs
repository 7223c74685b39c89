namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>
/// How urgent a finding is: unused credentials first, then by the highest access level left
/// unused (Permissions management, Write, Tagging, Read, List), then by how many actions.
/// </summary>
public sealed record FindingRanking(int Rank, string? HighestAccessLevel, int UnusedActions, bool LevelsAreHeuristic, string Basis)
{
    /// <summary>What "granted" rests on for this finding (<see cref="Reports.GrantsBasis"/>): an import, or CloudTrail's IAM changes alone.</summary>
    public string GrantsBasis { get; init; } = Reports.GrantsBasis.IamImport;
}
