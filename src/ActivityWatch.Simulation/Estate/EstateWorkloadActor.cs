using ActivityWatch.Simulation.Activity;

namespace ActivityWatch.Simulation.Estate;

/// <summary>A workload of the estate: the sample week's workload behaviour, only on the days its role exists
/// (an added role starts the hour after CI created it; a retired one falls silent).</summary>
internal sealed class EstateWorkloadActor(EstateWorkload workload, EstateCast estate) : Actor
{
    private readonly WorkloadActor _inner = new(workload.Workload, null);
    private readonly DateTimeOffset _from = estate.Start.AddDays(workload.StartDay).AddHours(workload.Added ? estate.DeployDays[workload.Workload.Role.AccountId].Hour + 1 : 0);
    private readonly DateTimeOffset _until = estate.Start.AddDays(workload.EndDay);

    public override void Plan(DateTimeOffset window, PlanningContext context)
    {
        if (window >= _from && window < _until) _inner.Plan(window, context);
    }
}
