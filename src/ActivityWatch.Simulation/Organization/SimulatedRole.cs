namespace ActivityWatch.Simulation;

/// <param name="Path">"/" or a path such as "/aws-reserved/sso.amazonaws.com/"; it appears in the role ARN
/// and in sessionIssuer.arn, but not in the assumed-role ARN.</param>
/// <param name="RoleId">The AROA... unique id.</param>
public sealed record SimulatedRole(
    string AccountId,
    string Name,
    string Path,
    string RoleId,
    SimulatedRolePurpose Purpose)
{
    public string Arn => $"arn:aws:iam::{AccountId}:role{Path}{Name}";

    public string AssumedRoleArn(string sessionName) => $"arn:aws:sts::{AccountId}:assumed-role/{Name}/{sessionName}";
}
