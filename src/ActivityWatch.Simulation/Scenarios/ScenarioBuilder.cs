using ActivityWatch.Simulation.Activity;
using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Randomness;
using ActivityWatch.Simulation.Rendering;

namespace ActivityWatch.Simulation.Scenarios;

/// <summary>Writes a scripted sequence of calls, every one tagged with the scenario id, on a clock that
/// advances a few seconds per call like a person or a script would.</summary>
internal sealed class ScenarioBuilder(PlanningContext context, SimulationRandom random, string scenario, DateTimeOffset start)
{
    public List<PlannedCall> Calls { get; } = [];

    public DateTimeOffset Clock { get; private set; } = start;

    public SimulationRandom Random => random;

    public SimulatedOrganization Organization => context.Organization;

    public AccountResources Resources(string accountId) => context.Resources(accountId);

    public PlannedCall Call(Caller caller, ApiCall api, string region, CallOutcome outcome = CallOutcome.Success, CallTarget? target = null, bool? mfaUsed = null)
    {
        var call = PlanningContext.Build(random, context.Resources(caller.AccountId), Clock, caller, api, region, outcome, target, scenario) with { MfaUsed = mfaUsed };
        Calls.Add(call);
        return call;
    }

    public void Wait(int minSeconds, int maxSeconds) => Clock = Clock.AddSeconds(random.Next(minSeconds, maxSeconds + 1));

    public void JumpTo(DateTimeOffset time) => Clock = time;
}
