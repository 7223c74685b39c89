using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Randomness;
using ActivityWatch.Simulation.Rendering;

namespace ActivityWatch.Simulation.Activity;

/// <summary>What actors need while planning a window: randomness, resources, and a way to add calls.</summary>
internal sealed class PlanningContext(SimulationOptions options, SimulatedOrganization organization, SimulationRandom random)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, AccountResources> _resources =
        organization.Accounts.ToDictionary(a => a.Id, a => new AccountResources(a, options.Seed), StringComparer.Ordinal);

    public SimulationOptions Options => options;

    public SimulatedOrganization Organization => organization;

    public SimulationRandom Random => random;

    public List<PlannedCall> Output { get; set; } = [];

    public AccountResources Resources(string accountId) => _resources[accountId];

    /// <summary>A second inside the window starting at <paramref name="start"/>.</summary>
    public DateTimeOffset TimeIn(DateTimeOffset start) => start.AddSeconds(random.Next((int)Window.TotalSeconds));

    /// <summary>Plans one call; S3 calls happen in the bucket's region, IAM and sign-in in the global one.</summary>
    public PlannedCall Add(DateTimeOffset time, Caller caller, ApiCall api, string region, CallOutcome outcome = CallOutcome.Success, CallTarget? target = null, string? scenario = null, bool? mfaUsed = null)
    {
        var call = Build(random, _resources[caller.AccountId], time, caller, api, region, outcome, target, scenario) with { MfaUsed = mfaUsed };
        Output.Add(call);
        return call;
    }

    public static PlannedCall Build(SimulationRandom random, AccountResources resources, DateTimeOffset time, Caller caller, ApiCall api, string region, CallOutcome outcome, CallTarget? target, string? scenario)
    {
        var resolved = TargetResolver.Resolve(api, resources, region, random, target);
        var callRegion = api.Global ? resources.Account.GlobalRegion : resolved.Bucket?.Region ?? region;
        return new PlannedCall(time, callRegion, caller, api, resolved)
        {
            Outcome = outcome,
            Scenario = scenario,
            RecipientAccountId = resolved.Bucket?.AccountId ?? resources.Account.Id,
        };
    }
}
