using ActivityWatch.Simulation.Randomness;
using ActivityWatch.Simulation.Rendering;

namespace ActivityWatch.Simulation.Catalog;

internal sealed record RenderContext(PlannedCall Call, SimulationRandom Random)
{
    public CallTarget Target => Call.Target;

    public string AccountId => Call.RecipientAccountId ?? Call.Caller.AccountId;

    public string Region => Call.Region;

    public DateTimeOffset Time => Call.Time;
}
