using ActivityWatch.Simulation.Activity;
using ActivityWatch.Simulation.Randomness;

namespace ActivityWatch.Simulation.Estate;

/// <summary>
/// Who is in the estate and how they change over the run, drawn from a stream of its own so the
/// attack planner and the run see the same people: homes, client upgrades and new laptops,
/// on-call rotation, new hires, workloads that start or stop, the shared on-call role.
/// </summary>
internal sealed class EstateCast
{
    public EstateCast(EstateOptions options, SimulatedOrganization organization)
    {
        Organization = organization;
        Start = options.Start;
        var random = new SimulationRandom(unchecked(options.Seed * 92821 + 5));
        var people = organization.People.Select((p, i) => Cast(p, 0, i, options, random)).ToList();
        var hires = Math.Max(1, organization.People.Count / 12);
        for (var i = 0; i < hires; i++) people.Add(Cast(NewHire(organization, i, random), 3 + random.Next(Math.Max(1, options.Days - 8)), 1000 + i, options, random));
        People = people;

        OnCallRoles = organization.Accounts.ToDictionary(a => a.Id, a => new SimulatedRole(a.Id, "ops-oncall", "/", random.AwsId("AROA", 17), SimulatedRolePurpose.Workload), StringComparer.Ordinal);
        var workloads = new List<EstateWorkload>();
        foreach (var workload in organization.Workloads)
        {
            // NAT gateways have Elastic IPs inside the region's EC2 ranges; VPC endpoints keep private addresses.
            var ip = workload.SourceIp.StartsWith("198.51.100.", StringComparison.Ordinal) && workload.Archetype != WorkloadArchetype.Deployment
                ? EstateNetworks.Ec2Address(workload.Region, random) : workload.SourceIp;
            workloads.Add(new EstateWorkload(workload with { SourceIp = ip }, 0, options.Days, false));
        }

        // One extra API function or worker per account retires during the run; one new workload role arrives.
        foreach (var account in organization.Accounts)
        {
            var retiring = workloads.LastOrDefault(w => w.Workload.Role.AccountId == account.Id && w.Workload.Archetype is WorkloadArchetype.ApiFunction or WorkloadArchetype.QueueWorker
                                                         && w.Workload.Name.EndsWith("-2", StringComparison.Ordinal));
            if (retiring is not null) workloads[workloads.IndexOf(retiring)] = retiring with { EndDay = 4 + random.Next(Math.Max(1, options.Days - 6)) };
            var name = $"reports-exporter-{random.Hex(4)}";
            var role = new SimulatedRole(account.Id, $"{name}-role", "/service-role/", random.AwsId("AROA", 17), SimulatedRolePurpose.Workload);
            var region = account.Regions[0];
            var added = new SimulatedWorkload(name, WorkloadArchetype.ApiFunction, role, "lambda.amazonaws.com", name, region,
                EstateNetworks.Ec2Address(region, random), UserAgents.LambdaNode, null);
            workloads.Add(new EstateWorkload(added, 3 + random.Next(Math.Max(1, options.Days - 6)), options.Days, true));
        }
        Workloads = workloads;
        DeployDays = organization.Accounts.ToDictionary(a => a.Id, _ => (First: 1 + random.Next(2), Second: 3 + random.Next(2), Hour: 10 + random.Next(5)), StringComparer.Ordinal);
    }

    public SimulatedOrganization Organization { get; }

    public DateTimeOffset Start { get; }

    public IReadOnlyList<EstatePerson> People { get; }

    public IReadOnlyList<EstateWorkload> Workloads { get; }

    /// <summary>Per account: a role people on call assume (many assumers, many places).</summary>
    public IReadOnlyDictionary<string, SimulatedRole> OnCallRoles { get; }

    /// <summary>Per account: CI deploys on two weekdays (Monday = 0) around an hour (UTC).</summary>
    public IReadOnlyDictionary<string, (int First, int Second, int Hour)> DeployDays { get; }

    private static EstatePerson Cast(SimulatedPerson person, int startDay, int index, EstateOptions options, SimulationRandom random)
    {
        var habits = WeightedCalls.Habit(HabitPools.For(person.Archetype), 9 + random.Next(6), random);
        var browser = person.UserAgent.StartsWith("Mozilla", StringComparison.Ordinal);
        var others = (browser ? UserAgents.Browsers : UserAgents.Cli).Where(a => a != person.UserAgent).ToList();
        // About one in six gets a new laptop or tool during the run; everyone's client gets minor updates.
        var laptopDay = random.Chance(0.17) ? 2 + random.Next(Math.Max(1, options.Days - 2)) : int.MaxValue;
        var homeShare = random.Chance(0.2) ? 0.9 : 0.15 + 0.3 * random.NextDouble();
        var explore = ExplorePool.For(habits.Calls);
        if (person.Archetype is PersonArchetype.Auditor or PersonArchetype.Operator) explore = [.. explore, .. ExplorePool.GuardrailUpkeep];
        return new EstatePerson(person, habits, explore, EstateNetworks.HomeAddress(random), homeShare,
            random.Next(Math.Max(1, options.Days)), Upgraded(person.UserAgent), laptopDay, random.Pick(others), startDay,
            person.Archetype == PersonArchetype.Operator, index % 4);
    }

    private static SimulatedPerson NewHire(SimulatedOrganization organization, int i, SimulationRandom random)
    {
        var account = organization.Accounts[i % organization.Accounts.Count];
        var key = i % 2 == 0;
        var name = $"newhire{i + 1}-{random.Hex(3)}";
        var user = new SimulatedUser(account.Id, name, random.AwsId("AIDA", 17), key ? random.AwsId("AKIA", 16) : null, true, !key);
        var offset = random.Chance(0.5) ? 1 : -5;
        var ip = offset >= 0 ? $"192.0.2.{10 + random.Next(200)}" : $"198.51.100.{10 + random.Next(200)}";
        var agent = key ? random.Pick(UserAgents.Cli) : random.Pick(UserAgents.Browsers);
        return new SimulatedPerson(name, $"{name}@example.com", key ? PersonArchetype.Developer : PersonArchetype.DataAnalyst,
            key ? SignInMethod.IamAccessKey : SignInMethod.IamConsole, account.Id, user, null, offset, ip, agent, [account.Regions[0]]);
    }

    /// <summary>"aws-cli/2.31.18 ..." -> "aws-cli/2.32.0 ...": a minor upgrade keeps the client family.</summary>
    private static string Upgraded(string agent)
    {
        var slash = agent.IndexOf('/');
        if (slash < 0 || agent.StartsWith("Mozilla", StringComparison.Ordinal)) return agent;
        var end = agent.IndexOf(' ', slash);
        var version = agent[(slash + 1)..(end < 0 ? agent.Length : end)].Split('.');
        if (version.Length < 2 || !int.TryParse(version[1], out var minor)) return agent;
        var bumped = $"{version[0]}.{minor + 1}.0";
        return agent[..(slash + 1)] + bumped + (end < 0 ? "" : agent[end..]);
    }
}
