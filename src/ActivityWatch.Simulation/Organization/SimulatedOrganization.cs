namespace ActivityWatch.Simulation;

/// <summary>The accounts, identities and buckets the simulator invents for a seed, so tests can
/// assert against them (which users have keys, which roles exist, who never used MFA).</summary>
public sealed record SimulatedOrganization(
    IReadOnlyList<SimulatedAccount> Accounts,
    IReadOnlyList<SimulatedPerson> People,
    IReadOnlyList<SimulatedWorkload> Workloads)
{
    public SimulatedAccount Account(string id) => Accounts.First(a => a.Id == id);

    public IEnumerable<SimulatedUser> Users => Accounts.SelectMany(a => a.Users);

    public IEnumerable<SimulatedRole> Roles => Accounts.SelectMany(a => a.Roles);

    public IEnumerable<SimulatedBucket> Buckets => Accounts.SelectMany(a => a.Buckets);
}
