namespace ActivityWatch.Simulation;

/// <summary>A human with stable habits: where they work from, when, with what tool.</summary>
/// <param name="User">The IAM user, for people who sign in as IAM users or use access keys.</param>
/// <param name="SsoRole">The permission set role, for people who sign in through IAM Identity Center.</param>
/// <param name="UtcOffsetHours">Their time zone; office hours are local.</param>
/// <param name="SourceIp">Their usual public address (documentation ranges 192.0.2.0/24 and 198.51.100.0/24).</param>
public sealed record SimulatedPerson(
    string Name,
    string Email,
    PersonArchetype Archetype,
    SignInMethod SignIn,
    string AccountId,
    SimulatedUser? User,
    SimulatedRole? SsoRole,
    int UtcOffsetHours,
    string SourceIp,
    string UserAgent,
    IReadOnlyList<string> Regions)
{
    /// <summary>The normalised principal of their API calls.</summary>
    public string Principal => SsoRole?.Arn ?? User!.Arn;
}
