using ActivityWatch.Simulation.Randomness;

namespace ActivityWatch.Simulation;

/// <summary>Invents the organisation from the options. It draws from its own random stream, so the
/// organisation for a seed does not change when Rate, Days or the attacks change.</summary>
internal static class OrganizationFactory
{
    private static readonly string[] FirstNames =
    [
        "alice", "bruno", "chen", "dana", "emeka", "fatima", "gunnar", "hana", "ivan", "julia", "kofi", "lena",
        "mateo", "nadia", "omar", "priya", "quentin", "rosa", "sven", "tariq", "uma", "viktor", "wen", "ximena",
        "yusuf", "zoe",
    ];

    // Index 1 and 2 are the sample week's incident subjects: a console user without MFA and a CLI user
    // without MFA, both in the production account.
    private static readonly SignInMethod[] SignInPattern =
    [
        SignInMethod.Sso, SignInMethod.IamConsole, SignInMethod.IamAccessKey, SignInMethod.Sso,
        SignInMethod.Sso, SignInMethod.IamConsole, SignInMethod.Sso, SignInMethod.IamAccessKey,
    ];

    private static readonly PersonArchetype[] ArchetypePattern =
    [
        PersonArchetype.Developer, PersonArchetype.Operator, PersonArchetype.Developer, PersonArchetype.DataAnalyst,
        PersonArchetype.Developer, PersonArchetype.Auditor, PersonArchetype.Operator, PersonArchetype.Developer,
    ];

    private static readonly int[] UtcOffsets = [1, 0, -5, 1, 2, -8, 0, -5, 1];

    public static SimulatedOrganization Create(SimulationOptions options)
    {
        if (options.Accounts.Count == 0 || options.Regions.Count == 0)
        {
            throw new ArgumentException("At least one account and one region are needed.", nameof(options));
        }

        var random = new SimulationRandom(unchecked(options.Seed * 7919 + 17));
        var people = Math.Max(3, options.Principals);
        var drafts = Enumerable.Range(0, options.Accounts.Count)
            .Select(i => new AccountDraft(options.Accounts[i], i, options.Regions, random))
            .ToList();

        var persons = new List<SimulatedPerson>();
        for (var i = 0; i < people; i++)
        {
            persons.Add(CreatePerson(i, drafts, random, options.IncludeIncidents));
        }

        var workloads = drafts.SelectMany(d => WorkloadFactory.Create(d, people)).ToList();
        return new SimulatedOrganization(drafts.Select(d => d.Build()).ToList(), persons, workloads);
    }

    private static SimulatedPerson CreatePerson(int index, List<AccountDraft> accounts, SimulationRandom random, bool withIncidents)
    {
        var first = FirstNames[index % FirstNames.Length];
        var name = index < FirstNames.Length ? first : $"{first}{index / FirstNames.Length + 1}";
        var account = index < 3 ? accounts[0] : accounts[index % accounts.Count];
        var signIn = SignInPattern[index % SignInPattern.Length];
        var archetype = ArchetypePattern[index % ArchetypePattern.Length];
        var offset = UtcOffsets[index % UtcOffsets.Length];

        SimulatedUser? user = null;
        SimulatedRole? role = null;
        string userAgent;
        if (signIn == SignInMethod.Sso)
        {
            role = account.SsoRoleFor(archetype);
            userAgent = random.Chance(0.7) ? random.Pick(UserAgents.Browsers) : random.Pick(UserAgents.Cli);
        }
        else
        {
            // Only the incident subjects lack MFA, so every MFA-less console sign-in is a tagged incident.
            var withoutMfa = withIncidents && index is 1 or 2;
            var hasKey = signIn == SignInMethod.IamAccessKey;
            user = account.AddUser(name, hasKey, hasMfa: !withoutMfa, hasPassword: !hasKey || random.Chance(0.3));
            userAgent = hasKey ? random.Pick(UserAgents.Cli) : random.Pick(UserAgents.Browsers);
        }

        // Europeans sit on 192.0.2.0/24, Americans on 198.51.100.0/24; 203.0.113.0/24 stays unused
        // by benign activity so attacks always come from a network nobody has seen.
        var ip = offset >= 0 ? $"192.0.2.{10 + random.Next(200)}" : $"198.51.100.{10 + random.Next(200)}";
        var regions = random.Chance(0.25) ? account.Regions : [account.Regions[offset >= 0 && account.Regions.Count > 1 ? 1 : 0]];
        return new SimulatedPerson(name, $"{name}@example.com", archetype, signIn, account.Id, user, role, offset, ip, userAgent, regions);
    }
}
