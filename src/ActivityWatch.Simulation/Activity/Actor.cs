namespace ActivityWatch.Simulation.Activity;

/// <summary>Something that makes calls: a person, a workload, an AWS service, the public.</summary>
internal abstract class Actor
{
    /// <summary>Adds this actor's calls for the 5-minute window starting at <paramref name="window"/>.</summary>
    public abstract void Plan(DateTimeOffset window, PlanningContext context);
}
