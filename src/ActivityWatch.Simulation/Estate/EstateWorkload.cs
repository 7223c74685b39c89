namespace ActivityWatch.Simulation.Estate;

/// <summary>A workload of the estate and the days it runs: roles are added and retired during the run.</summary>
internal sealed record EstateWorkload(SimulatedWorkload Workload, int StartDay, int EndDay, bool Added)
{
    public string Name => Workload.Role.Name;
}
