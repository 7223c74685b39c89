namespace ActivityWatch.Simulation;

/// <param name="PrincipalId">The AIDA... unique id CloudTrail puts in userIdentity.principalId.</param>
/// <param name="AccessKeyId">The long-term AKIA... key, when the user has one.</param>
public sealed record SimulatedUser(
    string AccountId,
    string Name,
    string PrincipalId,
    string? AccessKeyId,
    bool HasMfa,
    bool HasConsolePassword)
{
    public string Arn => $"arn:aws:iam::{AccountId}:user/{Name}";
}
