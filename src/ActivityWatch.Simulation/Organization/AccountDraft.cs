using ActivityWatch.Simulation.Randomness;

namespace ActivityWatch.Simulation;

/// <summary>An account while the factory fills it in.</summary>
internal sealed class AccountDraft
{
    private static readonly (PersonArchetype Archetype, string PermissionSet)[] PermissionSets =
    [
        (PersonArchetype.Operator, "AdministratorAccess"),
        (PersonArchetype.Developer, "PowerUserAccess"),
        (PersonArchetype.DataAnalyst, "DataAnalyst"),
        (PersonArchetype.Auditor, "ReadOnlyAccess"),
    ];

    private readonly SimulationRandom _random;
    private readonly List<SimulatedUser> _users = [];
    private readonly List<SimulatedRole> _roles = [];
    private readonly List<SimulatedBucket> _buckets = [];

    public AccountDraft(string id, int index, IReadOnlyList<string> regions, SimulationRandom random)
    {
        _random = random;
        Id = id;
        Regions = regions;
        Alias = index switch { 0 => "acme-prod", 1 => "acme-dev", _ => $"acme-{index + 1}" };
        foreach (var (_, set) in PermissionSets)
        {
            // Identity Center names its roles AWSReservedSSO_<permission set>_<16 hex> under this path.
            AddRole($"AWSReservedSSO_{set}_{random.Hex(16)}", $"/aws-reserved/sso.amazonaws.com/{(regions[0] == "us-east-1" ? "" : regions[0] + "/")}", SimulatedRolePurpose.HumanSso);
        }

        var suffix = random.Hex(6);
        AddBucket($"{Alias}-app-data-{suffix}", regions[0], dataEvents: true, isPublic: false, ["orders/", "invoices/", "customers/exports/"]);
        AddBucket($"{Alias}-reports-{suffix}", regions[^1], dataEvents: true, isPublic: false, ["daily/", "monthly/", "finance/"]);
        AddBucket($"{Alias}-terraform-state-{suffix}", regions[0], dataEvents: false, isPublic: false, ["env/"]);
        AddBucket($"{Alias}-backups-{suffix}", regions[^1], dataEvents: false, isPublic: false, ["rds/", "dynamodb/"]);
        if (index == 0)
        {
            AddBucket($"{Alias}-static-assets-{suffix}", regions[0], dataEvents: false, isPublic: true, ["img/", "js/", "css/"]);
        }
    }

    public string Id { get; }

    public string Alias { get; }

    public IReadOnlyList<string> Regions { get; }

    public SimulatedRole SsoRoleFor(PersonArchetype archetype)
    {
        var set = PermissionSets.First(p => p.Archetype == archetype).PermissionSet;
        return _roles.First(r => r.Name.StartsWith($"AWSReservedSSO_{set}_", StringComparison.Ordinal));
    }

    public SimulatedUser AddUser(string name, bool hasKey, bool hasMfa, bool hasPassword)
    {
        var user = new SimulatedUser(Id, name, _random.AwsId("AIDA", 17), hasKey ? _random.AwsId("AKIA", 16) : null, hasMfa, hasPassword);
        _users.Add(user);
        return user;
    }

    public SimulatedRole AddRole(string name, string path, SimulatedRolePurpose purpose)
    {
        var role = new SimulatedRole(Id, name, path, _random.AwsId("AROA", 17), purpose);
        _roles.Add(role);
        return role;
    }

    public SimulationRandom Random => _random;

    private void AddBucket(string name, string region, bool dataEvents, bool isPublic, IReadOnlyList<string> prefixes) =>
        _buckets.Add(new SimulatedBucket(Id, name, region, dataEvents, isPublic, prefixes));

    public SimulatedAccount Build() => new(
        Id,
        Alias,
        _random.Hex(64),
        "management-events",
        $"aws-cloudtrail-logs-{Id}-{_random.Hex(8)}",
        _random.Hex(32),
        Regions,
        _users,
        _roles,
        _buckets);
}
