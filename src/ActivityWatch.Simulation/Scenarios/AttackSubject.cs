namespace ActivityWatch.Simulation.Scenarios;

/// <summary>Whose credentials an attack uses: the named principal (a person, user or role name), or a
/// sensible default for the attack kind.</summary>
internal sealed class AttackSubject(SimulatedOrganization organization, string? name)
{
    private SimulatedPerson? Person => name is null ? null
        : organization.People.FirstOrDefault(p => p.Name == name || p.User?.Name == name || p.Email == name);

    public SimulatedAccount Account => organization.Account(Person?.AccountId ?? NamedRole?.AccountId ?? NamedUser?.AccountId ?? organization.Accounts[0].Id);

    public SimulatedUser? NamedUser => name is null ? null : organization.Users.FirstOrDefault(u => u.Name == name);

    public SimulatedRole? NamedRole => name is null ? null : organization.Roles.FirstOrDefault(r => r.Name == name);

    /// <summary>A user with a long-term key (default: the first person signing in with one).</summary>
    public SimulatedUser KeyUser() =>
        Person?.User ?? NamedUser ?? organization.People.First(p => p.SignIn == SignInMethod.IamAccessKey).User!;

    /// <summary>A person who uses the console with a password.</summary>
    public SimulatedPerson ConsolePerson() =>
        Person is { SignIn: SignInMethod.IamConsole } p ? p : organization.People.First(p => p.SignIn == SignInMethod.IamConsole);

    public SimulatedPerson AnyPerson() => Person ?? organization.People.First(p => p.SignIn == SignInMethod.IamAccessKey);

    /// <summary>Another user of the same account, for attacks that act on someone else.</summary>
    public SimulatedUser OtherUser(SimulatedUser self) =>
        organization.Account(self.AccountId).Users.FirstOrDefault(u => u.Name != self.Name && u.Name != "ci-deployer")
        ?? organization.Account(self.AccountId).Users.First(u => u.Name != self.Name);

    public SimulatedWorkload Workload() =>
        organization.Workloads.FirstOrDefault(w => w.Role == NamedRole || w.Name == name)
        ?? organization.Workloads.First(w => w.Archetype == WorkloadArchetype.QueueWorker);
}
