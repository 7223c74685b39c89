using ActivityWatch.Simulation.Activity;
using ActivityWatch.Simulation.Randomness;
using ActivityWatch.Simulation.Rendering;

namespace ActivityWatch.Simulation.Estate;

/// <summary>One pass over the estate's window, 5 minutes at a time, like the sample week's run: actors
/// plan, the attacks' scripted calls join, the window is sorted and rendered. Benign activity draws
/// from its own stream, so adding attacks changes no benign record.</summary>
internal sealed class EstateRun(EstateOptions options, EstateCast estate)
{
    public IEnumerable<SimulatedRecord> Records()
    {
        var simulation = options.Organization;
        var organization = estate.Organization;
        var context = new PlanningContext(simulation, organization, new SimulationRandom(unchecked(options.Seed * 48611 + 7)));
        var actors = Actors(context);
        var scripted = EstateAttackScripts.Create(options, estate, context);
        var benign = new RecordRenderer(simulation, organization, new SimulationRandom(unchecked(options.Seed * 104723 + 1)));
        var attacks = new RecordRenderer(simulation, organization, new SimulationRandom(unchecked(options.Seed * 104723 + 2)));
        var next = 0;
        var carried = new List<PlannedCall>();
        long sequence = 0;
        for (var window = options.Start; window < options.End; window += PlanningContext.Window)
        {
            var end = window + PlanningContext.Window;
            var calls = new List<PlannedCall>(carried);
            carried.Clear();
            context.Output = calls;
            foreach (var actor in actors) actor.Plan(window, context);
            while (next < scripted.Count && scripted[next].Time < end) calls.Add(scripted[next++]);
            foreach (var call in calls) call.Sequence = call.Sequence == 0 ? ++sequence : call.Sequence;
            calls.Sort(static (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Sequence.CompareTo(b.Sequence));
            foreach (var call in calls)
            {
                if (call.Time >= end && end < options.End)
                {
                    carried.Add(call);
                    continue;
                }
                if (call.Time < window) continue;
                foreach (var record in (call.Scenario is null ? benign : attacks).Render(call)) yield return record;
            }
        }
    }

    private List<Actor> Actors(PlanningContext context)
    {
        var random = new SimulationRandom(unchecked(options.Seed * 15485867 + 3));
        var provider = random.Base64(27) + "=";
        var actors = new List<Actor>();
        actors.AddRange(estate.People.Select(p => new EstatePersonActor(p, estate, provider)));
        foreach (var workload in estate.Workloads)
        {
            if (workload.Workload.Archetype != WorkloadArchetype.Deployment)
            {
                actors.Add(new EstateWorkloadActor(workload, estate));
                continue;
            }
            var ci = estate.Organization.Users.First(u => u.AccountId == workload.Workload.Role.AccountId && u.Name == "ci-deployer");
            actors.Add(new EstateDeployActor(workload.Workload, ci, estate));
        }
        foreach (var account in estate.Organization.Accounts)
        {
            actors.Add(new ServiceEventActor(account));
            actors.AddRange(account.Buckets.Where(b => b.Public).Select(b => new AnonymousVisitors(b)));
        }
        return actors;
    }
}
