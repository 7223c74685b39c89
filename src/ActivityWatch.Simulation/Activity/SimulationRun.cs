using ActivityWatch.Simulation.Randomness;
using ActivityWatch.Simulation.Rendering;
using ActivityWatch.Simulation.Scenarios;

namespace ActivityWatch.Simulation.Activity;

/// <summary>One pass over the window, 5 minutes at a time: every actor plans its calls, scripted
/// scenario calls join, the window is sorted and rendered. Memory holds one window.</summary>
internal sealed class SimulationRun(SimulationOptions options, SimulatedOrganization organization)
{
    public IEnumerable<SimulatedRecord> Records()
    {
        var context = new PlanningContext(options, organization, new SimulationRandom(options.Seed));
        var actors = CreateActors(context);
        var scripted = Scripted(context);
        var benignRenderer = new RecordRenderer(options, organization, new SimulationRandom(unchecked(options.Seed * 104729 + 1)));
        var scenarioRenderer = new RecordRenderer(options, organization, new SimulationRandom(unchecked(options.Seed * 104729 + 2)));
        var next = 0;
        var carried = new List<PlannedCall>();
        long sequence = 0;
        for (var window = options.Start; window < options.End; window += PlanningContext.Window)
        {
            var end = window + PlanningContext.Window;
            var calls = new List<PlannedCall>(carried);
            carried.Clear();
            context.Output = calls;
            foreach (var actor in actors)
            {
                actor.Plan(window, context);
            }

            while (next < scripted.Count && scripted[next].Time < end)
            {
                calls.Add(scripted[next++]);
            }

            foreach (var call in calls)
            {
                call.Sequence = call.Sequence == 0 ? ++sequence : call.Sequence;
            }

            calls.Sort(static (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Sequence.CompareTo(b.Sequence));
            foreach (var call in calls)
            {
                // A session's sign-in can spill a second past the window: it waits for the next one.
                if (call.Time >= end && end < options.End)
                {
                    carried.Add(call);
                    continue;
                }

                var renderer = call.Scenario is null ? benignRenderer : scenarioRenderer;
                foreach (var record in renderer.Render(call))
                {
                    yield return record;
                }
            }
        }
    }

    private List<Actor> CreateActors(PlanningContext context)
    {
        var random = new SimulationRandom(unchecked(options.Seed * 15485863 + 3));
        var provider = random.Base64(27) + "=";
        var actors = new List<Actor>();
        foreach (var person in organization.People)
        {
            actors.Add(new PersonActor(person, WeightedCalls.Habit(HabitPools.For(person.Archetype), 9 + random.Next(6), random), provider));
        }

        foreach (var workload in organization.Workloads)
        {
            var assumer = workload.Archetype == WorkloadArchetype.Deployment
                ? organization.Users.First(u => u.AccountId == workload.Role.AccountId && u.Name == "ci-deployer")
                : null;
            actors.Add(new WorkloadActor(workload, assumer));
        }

        foreach (var account in organization.Accounts)
        {
            actors.Add(new ServiceEventActor(account));
            actors.AddRange(account.Buckets.Where(b => b.Public).Select(b => new AnonymousVisitors(b)));
        }

        return actors;
    }

    private List<PlannedCall> Scripted(PlanningContext context)
    {
        var scripted = new List<PlannedCall>();
        if (options.IncludeIncidents)
        {
            scripted.AddRange(SampleWeekIncidents.Create(context));
        }

        scripted.AddRange(AttackScripts.Create(context));
        scripted = scripted.Where(c => c.Time >= options.Start && c.Time < options.End).ToList();
        for (var i = 0; i < scripted.Count; i++)
        {
            // Negative sequences keep scripted calls in script order and apart from benign ones.
            scripted[i].Sequence = long.MinValue / 2 + i;
        }

        scripted.Sort(static (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Sequence.CompareTo(b.Sequence));
        return scripted;
    }
}
